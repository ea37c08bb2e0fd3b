using System.Buffers.Binary;
using MotCua.Domain.Feedback;

namespace MotCua.Web.Features.Feedback.Photos;

/// <summary>What a photo said about itself before it was cleaned: where it was taken (EXIF GPS) and which way is up.</summary>
public sealed record PhotoFacts(GeoPoint? Location, int Orientation);

/// <summary>
/// Reads the EXIF of a JPEG or PNG photo and writes a copy without it. A phone photo's EXIF holds where the citizen
/// stood, when, and which phone they own; the report keeps the location as data and no copy of the photo keeps the
/// EXIF. Only the orientation survives (in a minimal EXIF block of its own), or phone photos would show sideways.
/// Hand-written over the two container formats (segments and chunks) rather than an imaging library: we never decode
/// pixels, and the formats' framing is small and fixed.
/// </summary>
public static class PhotoMetadata
{
    /// <summary>Reads the facts and writes the cleaned copy; throws <see cref="InvalidDataException"/> for a broken file.</summary>
    public static PhotoFacts Clean(byte[] photo, bool png, Stream cleaned) =>
        png ? CleanPng(photo, cleaned) : CleanJpeg(photo, cleaned);

    private static PhotoFacts CleanJpeg(byte[] jpeg, Stream output)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) throw new InvalidDataException("not a JPEG");
        var facts = new PhotoFacts(null, 1);
        var kept = new MemoryStream();
        var at = 2;
        while (true)
        {
            if (at + 4 > jpeg.Length || jpeg[at] != 0xFF) throw new InvalidDataException("broken JPEG segment");
            var marker = jpeg[at + 1];
            if (marker == 0xFF) { at++; continue; } // fill byte
            if (marker == 0xDA || marker == 0xD9)
            {
                // Start of scan (or an image with no scan): everything from here on is picture data, copied as is.
                kept.Write(jpeg, at, jpeg.Length - at);
                break;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            if (length < 2 || at + 2 + length > jpeg.Length) throw new InvalidDataException("broken JPEG segment length");
            var body = jpeg.AsSpan(at + 4, length - 2);
            if (marker == 0xE1 && body.StartsWith("Exif\0\0"u8)) facts = Read(body[6..]) ?? facts;
            if (Keeps(marker, body)) kept.Write(jpeg, at, length + 2);
            at += 2 + length;
        }

        output.Write([0xFF, 0xD8]);
        if (facts.Orientation != 1) output.Write(OrientationSegment(facts.Orientation));
        kept.Position = 0;
        kept.CopyTo(output);
        return facts;
    }

    /// <summary>
    /// Kept: the frame and tables that draw the picture, JFIF (APP0) and the colour profile (APP2 ICC_PROFILE). Dropped:
    /// EXIF and XMP (APP1), IPTC/Photoshop (APP13), every other application segment and comments.
    /// </summary>
    private static bool Keeps(byte marker, ReadOnlySpan<byte> body) => marker switch
    {
        0xE0 => true,
        0xE2 => body.StartsWith("ICC_PROFILE\0"u8),
        >= 0xE1 and <= 0xEF => false,
        0xFE => false,
        _ => true,
    };

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    /// <summary>Chunks that describe rather than draw: EXIF, text (often author, software, place) and the save time.</summary>
    private static readonly string[] PngDropped = ["eXIf", "tEXt", "zTXt", "iTXt", "tIME"];

    private static PhotoFacts CleanPng(byte[] png, Stream output)
    {
        if (!png.AsSpan().StartsWith(PngSignature)) throw new InvalidDataException("not a PNG");
        var facts = new PhotoFacts(null, 1);
        output.Write(PngSignature);
        var at = PngSignature.Length;
        while (at < png.Length)
        {
            if (at + 12 > png.Length) throw new InvalidDataException("broken PNG chunk");
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            if (length > png.Length - at - 12) throw new InvalidDataException("broken PNG chunk length");
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (type == "eXIf") facts = Read(png.AsSpan(at + 8, (int)length)) ?? facts;
            // PNG has no orientation in practice (browsers ignore eXIf's), so nothing is written back.
            if (!PngDropped.Contains(type)) output.Write(png, at, (int)length + 12);
            at += (int)length + 12;
            if (type == "IEND") break;
        }
        return facts with { Orientation = 1 };
    }

    /// <summary>The orientation and GPS position from a TIFF-structured EXIF block; null when it cannot be read.</summary>
    private static PhotoFacts? Read(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8) return null;
        bool little;
        if (tiff.StartsWith("II*\0"u8)) little = true;
        else if (tiff.StartsWith("MM\0*"u8)) little = false;
        else return null;
        var reader = new TiffReader(tiff.ToArray(), little);
        var ifd0 = reader.U32(4);
        var orientation = reader.Find(ifd0, 0x0112) is { } o ? reader.U16(o.ValueAt) : 1;
        GeoPoint? location = null;
        if (reader.Find(ifd0, 0x8825) is { } gpsPointer)
        {
            var gps = reader.U32(gpsPointer.ValueAt);
            var lat = reader.Degrees(gps, 0x0002);
            var lon = reader.Degrees(gps, 0x0004);
            var latRef = reader.Find(gps, 0x0001) is { } a ? (char)reader.Byte(a.ValueAt) : 'N';
            var lonRef = reader.Find(gps, 0x0003) is { } b ? (char)reader.Byte(b.ValueAt) : 'E';
            if (lat is { } la && lon is { } lo && !(la == 0 && lo == 0))
            {
                var point = new GeoPoint(latRef == 'S' ? -la : la, lonRef == 'W' ? -lo : lo);
                if (point.IsValid) location = point;
            }
        }
        return new PhotoFacts(location, orientation is >= 1 and <= 8 ? orientation : 1);
    }

    /// <summary>APP1 "Exif" with one IFD entry: Orientation (SHORT), big-endian.</summary>
    private static byte[] OrientationSegment(int orientation)
    {
        byte[] segment =
        [
            0xFF, 0xE1, 0x00, 0x22, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
            0x00, 0x01,
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, (byte)orientation, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,
        ];
        return segment;
    }

    private readonly record struct Entry(ushort Type, uint Count, int ValueAt);

    /// <summary>Bounds-checked reads over a TIFF block: a hostile offset yields "not found", never an exception.</summary>
    private sealed class TiffReader(byte[] data, bool little)
    {
        public int Byte(int at) => at >= 0 && at < data.Length ? data[at] : 0;

        public int U16(int at) => at >= 0 && at + 2 <= data.Length
            ? little ? BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(at)) : BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at))
            : 0;

        public int U32(int at) => at >= 0 && at + 4 <= data.Length
            ? (int)Math.Min(int.MaxValue, little ? BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at)))
            : -1;

        public Entry? Find(int ifd, ushort tag)
        {
            var count = U16(ifd);
            if (ifd <= 0 || count > 500) return null;
            for (var i = 0; i < count; i++)
            {
                var at = ifd + 2 + i * 12;
                if (at + 12 > data.Length) return null;
                if (U16(at) != tag) continue;
                var type = (ushort)U16(at + 2);
                var n = (uint)U32(at + 4);
                var size = type switch { 1 or 2 or 7 => 1, 3 => 2, 4 or 9 => 4, 5 or 10 => 8, _ => 1 } * (long)n;
                return new Entry(type, n, size <= 4 ? at + 8 : U32(at + 8));
            }
            return null;
        }

        /// <summary>Degrees, minutes, seconds as three RATIONALs.</summary>
        public double? Degrees(int ifd, ushort tag)
        {
            if (Find(ifd, tag) is not { Type: 5, Count: 3 } e || e.ValueAt < 0 || e.ValueAt + 24 > data.Length) return null;
            double Part(int i)
            {
                var (num, den) = ((uint)U32(e.ValueAt + i * 8), (uint)U32(e.ValueAt + i * 8 + 4));
                return den == 0 ? double.NaN : (double)num / den;
            }
            var value = Part(0) + Part(1) / 60 + Part(2) / 3600;
            return double.IsFinite(value) ? value : null;
        }
    }
}
