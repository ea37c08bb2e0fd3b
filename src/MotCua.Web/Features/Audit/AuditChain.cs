using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Web.Features.Audit;

/// <summary>
/// The hash chain's arithmetic, shared by the sealer and the verification so they can never disagree:
/// <c>hash = SHA-256(previous hash || canonical bytes)</c>, the first link chained to 32 zero bytes.
/// </summary>
public static class AuditChain
{
    public const int HashSize = 32;

    private static readonly byte[] Version = Encoding.ASCII.GetBytes("motcua-audit-v1");

    public static byte[] Genesis => new byte[HashSize];

    public static byte[] Link(ReadOnlySpan<byte> previous, AuditEntry entry)
    {
        var canonical = Canonical(entry);
        var buffer = new byte[previous.Length + canonical.Length];
        previous.CopyTo(buffer);
        canonical.CopyTo(buffer.AsSpan(previous.Length));
        return SHA256.HashData(buffer);
    }

    /// <summary>
    /// Every field in a fixed order, each as a 4-byte big-endian length and its UTF-8 bytes (null: length -1), so no
    /// two different entries share bytes (a field's end can never be mistaken for the next one's start). The time is
    /// in Unix milliseconds and the units sorted, so the bytes do not depend on the database or the load order.
    /// </summary>
    public static byte[] Canonical(AuditEntry e)
    {
        using var stream = new MemoryStream(256);
        Write(stream, Encoding.ASCII.GetString(Version));
        Write(stream, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Write(stream, e.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Write(stream, e.ActorKind);
        Write(stream, e.ActorId);
        Write(stream, e.ActorName);
        Write(stream, e.Action);
        Write(stream, e.ObjectType);
        Write(stream, e.ObjectId);
        Write(stream, e.ObjectLabel);
        Write(stream, e.ClientIp);
        Write(stream, e.UserAgent);
        Write(stream, e.Reason);
        Write(stream, e.Outcome);
        Write(stream, e.Detail);
        Write(stream, string.Join(',', e.Units.Select(u => u.UnitId).Order().Select(u => u.ToString("D"))));
        return stream.ToArray();
    }

    private static void Write(Stream stream, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, -1);
            stream.Write(length);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }
}
