using System.Security.Cryptography;
using System.Text;
using ClaimDesk.Analysis.Embeddings;

namespace ClaimDesk.Training;

/// <summary>
/// MiniLM vectors of texts kept on disk outside the repository (default <c>~/.cache/claimdesk</c>), keyed by the
/// SHA-256 of the text, so re-training does not embed FNC-1 again. Records are appended after every batch, so an
/// interrupted run keeps what it embedded; a torn last record is ignored.
/// </summary>
public sealed class EmbeddingCache : IDisposable
{
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly FileStream _file;
    private readonly int _dimensions;

    public EmbeddingCache(string path, int dimensions)
    {
        _dimensions = dimensions;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var recordLength = 32 + dimensions * sizeof(float);
        var buffer = new byte[recordLength];
        long good = 0;
        while (_file.Read(buffer, 0, recordLength) == recordLength)
        {
            var vector = new float[dimensions];
            Buffer.BlockCopy(buffer, 32, vector, 0, dimensions * sizeof(float));
            _vectors[Convert.ToHexString(buffer, 0, 32)] = vector;
            good += recordLength;
        }
        _file.SetLength(good);
        _file.Position = good;
    }

    public int Count => _vectors.Count;

    public static string DefaultPath() => Path.Combine(
        Environment.GetEnvironmentVariable("CLAIMDESK_CACHE") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "claimdesk"),
        "minilm-l6-v2-vectors.bin");

    public float[] Get(string text) => _vectors[Key(text)];

    /// <summary>Embeds every text not cached yet, in length-sorted batches (less padding), and stores the vectors.</summary>
    public void EnsureEmbedded(IEnumerable<string> texts, ITextEmbedder embedder, int batchSize = 64)
    {
        var missing = texts.Distinct(StringComparer.Ordinal).Where(t => !_vectors.ContainsKey(Key(t))).OrderBy(t => t.Length).ToList();
        if (missing.Count == 0) return;
        Console.WriteLine($"embedding {missing.Count} texts with MiniLM (cached: {_vectors.Count}) ...");
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < missing.Count; i += batchSize)
        {
            var batch = missing.Skip(i).Take(batchSize).ToList();
            var vectors = embedder.Embed(batch);
            for (var j = 0; j < batch.Count; j++) Store(batch[j], vectors[j]);
            _file.Flush();
            if ((i / batchSize) % 50 == 0)
                Console.WriteLine($"  {i + batch.Count}/{missing.Count} in {started.Elapsed.TotalSeconds:F0} s");
        }
        Console.WriteLine($"embedded {missing.Count} texts in {started.Elapsed.TotalSeconds:F0} s");
    }

    private void Store(string text, float[] vector)
    {
        if (vector.Length != _dimensions) throw new InvalidOperationException("Embedding has the wrong length.");
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var bytes = new byte[vector.Length * sizeof(float)];
        Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
        _file.Write(key);
        _file.Write(bytes);
        _vectors[Convert.ToHexString(key)] = vector;
    }

    private static string Key(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public void Dispose() => _file.Dispose();
}
