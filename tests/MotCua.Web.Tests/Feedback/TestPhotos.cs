using System.Buffers.Binary;
using System.Text;
using Microsoft.AspNetCore.Http;
using MotCua.Domain.Feedback;

namespace MotCua.Web.Tests.Feedback;

/// <summary>
/// Photo files as phones write them, built byte by byte: a JPEG with JFIF, an EXIF block (orientation and GPS, with
/// the camera's make as something private), XMP and a comment, then the picture; a PNG with text and eXIf chunks.
/// </summary>
internal static class TestPhotos
{
    public const string Secret = "Pixel-9-of-Nguyen-Van-An";

    public static byte[] Jpeg(GeoPoint? gps = null, int orientation = 1)
    {
        var s = new MemoryStream();
        s.Write([0xFF, 0xD8]);
        Segment(s, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(s, 0xE1, [.. "Exif\0\0"u8, .. Tiff(gps, orientation)]);
        Segment(s, 0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.ASCII.GetBytes($"<x:xmpmeta>{Secret}</x:xmpmeta>")]);
        Segment(s, 0xFE, Encoding.ASCII.GetBytes(Secret));
        Segment(s, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        s.Write([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0x34, 0x56, 0xFF, 0xD9]);
        return s.ToArray();
    }

    public static byte[] Png(GeoPoint? gps = null)
    {
        var s = new MemoryStream();
        s.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(s, "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        Chunk(s, "tEXt", Encoding.ASCII.GetBytes("Author\0" + Secret));
        Chunk(s, "eXIf", Tiff(gps, 1));
        Chunk(s, "IDAT", [0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00]);
        Chunk(s, "IEND", []);
        return s.ToArray();
    }

    public static IFormFile File(byte[] bytes, string name = "anh.jpg", string type = "image/jpeg") =>
        new FormFile(new MemoryStream(bytes), 0, bytes.Length, "photos", name) { Headers = new HeaderDictionary(), ContentType = type };

    /// <summary>Big-endian TIFF: IFD0 (Make, Orientation, GPS pointer) and a GPS IFD in degrees/minutes/seconds.</summary>
    private static byte[] Tiff(GeoPoint? gps, int orientation)
    {
        var t = new byte[200];
        "MM\0*"u8.CopyTo(t);
        BinaryPrimitives.WriteUInt32BigEndian(t.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16BigEndian(t.AsSpan(8), 3);
        Entry(t, 10, 0x010F, 2, 4, 160);                       // Make → "secret" text at 160
        Entry(t, 22, 0x0112, 3, 1, (uint)orientation << 16);   // SHORT, left-justified in the value
        Entry(t, 34, 0x8825, 4, 1, 50);                        // GPS IFD at 50
        Encoding.ASCII.GetBytes(Secret[..4]).CopyTo(t, 160);
        if (gps is { } p)
        {
            BinaryPrimitives.WriteUInt16BigEndian(t.AsSpan(50), 4);
            Entry(t, 52, 0x0001, 2, 2, (uint)(p.Latitude >= 0 ? 'N' : 'S') << 24);
            Entry(t, 64, 0x0002, 5, 3, 104);
            Entry(t, 76, 0x0003, 2, 2, (uint)(p.Longitude >= 0 ? 'E' : 'W') << 24);
            Entry(t, 88, 0x0004, 5, 3, 128);
            Dms(t, 104, Math.Abs(p.Latitude));
            Dms(t, 128, Math.Abs(p.Longitude));
        }
        return t;
    }

    private static void Entry(byte[] t, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(t.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16BigEndian(t.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32BigEndian(t.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32BigEndian(t.AsSpan(at + 8), value);
    }

    private static void Dms(byte[] t, int at, double degrees)
    {
        var d = Math.Floor(degrees);
        var m = Math.Floor((degrees - d) * 60);
        var sec = Math.Round(((degrees - d) * 60 - m) * 60 * 10000);
        uint[] parts = [(uint)d, 1, (uint)m, 1, (uint)sec, 10000];
        for (var i = 0; i < parts.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(t.AsSpan(at + i * 4), parts[i]);
    }

    private static void Segment(Stream s, byte marker, byte[] body)
    {
        s.Write([0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2)]);
        s.Write(body);
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        s.Write(length);
        s.Write(Encoding.ASCII.GetBytes(type));
        s.Write(data);
        s.Write(new byte[4]); // CRC: not checked by the cleaner, which copies chunks as they are
    }
}
