using System.Runtime.InteropServices;

namespace ClaimDesk.Core.Infrastructure.Embeddings;

/// <summary>Embeddings are stored as raw little-endian float32 bytes: compact, provider-neutral, and copied without parsing.</summary>
public static class VectorBytes
{
    public static byte[] From(float[] vector) => MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();

    public static float[] ToVector(byte[] bytes) => MemoryMarshal.Cast<byte, float>(bytes).ToArray();
}
