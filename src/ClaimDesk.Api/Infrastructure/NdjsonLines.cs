using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace ClaimDesk.Api.Infrastructure;

/// <summary>One line of an NDJSON body: its bytes (without the line break), or none when it was longer than allowed.</summary>
public sealed record NdjsonLine(int Number, byte[]? Bytes)
{
    public bool TooLong => Bytes is null;

    public bool IsBlank => Bytes is { } bytes && bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r');
}

/// <summary>
/// Reads an NDJSON body line by line as it arrives: at most one line is held in memory, and a line longer than the limit
/// is skipped (reported as too long) without being buffered whole.
/// </summary>
public static class NdjsonLines
{
    public static async IAsyncEnumerable<NdjsonLine> ReadAsync(PipeReader reader, int maxLineBytes, [EnumeratorCancellation] CancellationToken ct)
    {
        var number = 0;
        var skipping = false;
        var ready = new List<NdjsonLine>();
        while (true)
        {
            var result = await reader.ReadAsync(ct);
            var buffer = result.Buffer;
            while (buffer.PositionOf((byte)'\n') is { } end)
            {
                var line = buffer.Slice(0, end);
                number++;
                ready.Add(skipping || line.Length > maxLineBytes ? new NdjsonLine(number, null) : new NdjsonLine(number, Trim(line, number)));
                skipping = false;
                buffer = buffer.Slice(buffer.GetPosition(1, end));
            }
            if (buffer.Length > maxLineBytes)
            {
                // A line this long is refused whatever follows: drop what arrived of it and skip to its end.
                skipping = true;
                buffer = buffer.Slice(buffer.End);
            }
            var completed = result.IsCompleted;
            if (completed && (buffer.Length > 0 || skipping))
            {
                number++;
                ready.Add(skipping ? new NdjsonLine(number, null) : new NdjsonLine(number, Trim(buffer, number)));
                buffer = buffer.Slice(buffer.End);
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
            foreach (var line in ready) yield return line;
            ready.Clear();
            if (completed) break;
        }
    }

    /// <summary>The line's bytes without a trailing carriage return, and without a byte-order mark on the first line.</summary>
    private static byte[] Trim(ReadOnlySequence<byte> line, int number)
    {
        var bytes = line.ToArray();
        var start = number == 1 && bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var length = bytes.Length - start - (bytes.Length > start && bytes[^1] == (byte)'\r' ? 1 : 0);
        return start == 0 && length == bytes.Length ? bytes : bytes.AsSpan(start, length).ToArray();
    }
}
