using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace MotCua.Web.Features.Documents.Signing;

/// <summary>What the signature dictionary says besides the CMS: who, why, where, and when (/M, PAdES's signing time).</summary>
public sealed record SignatureFields(string Name, string Reason, string Location, DateTimeOffset SigningTime);

/// <summary>
/// A PDF with its signature revision appended and a zero-filled /Contents hole: the bytes outside the hole are
/// what the CMS signs (<see cref="SignedContent"/>), then <see cref="PdfIncrementalSigner.Embed"/> fills it.
/// </summary>
public sealed class PreparedPdf(byte[] bytes, int holeStart, int holeEnd)
{
    internal byte[] Bytes { get; } = bytes;
    /// <summary>The offset of the hex string's "&lt;".</summary>
    internal int HoleStart { get; } = holeStart;
    /// <summary>The offset just after its "&gt;".</summary>
    internal int HoleEnd { get; } = holeEnd;

    public byte[] SignedContent() => [.. Bytes.AsSpan(0, HoleStart), .. Bytes.AsSpan(HoleEnd)];
}

public sealed class PdfSigningException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Signs a PDF the way PAdES wants, without rewriting a byte of it: an incremental update (ISO 32000-1 §7.5.6)
/// appends new versions of the catalog (with an /AcroForm naming the signature field) and of the first page (with
/// the field's invisible widget in /Annots), the field-and-widget and the /Sig dictionary, then a classic xref
/// section for just those objects and a trailer whose /Prev points at the previous xref. PdfPig only reads the
/// original (so xref streams and object streams are handled); everything appended is written here. The
/// /ByteRange covers the whole file except the /Contents hex string, so any byte changed anywhere, or appended
/// after, is visible to a verifier.
/// </summary>
public static class PdfIncrementalSigner
{
    /// <summary>Room for the CMS: a signer certificate, a CA certificate and the signature need about 3 KB; a long chain fits too.</summary>
    public const int ContentsCapacity = 12_288;

    // Fixed width so the numbers can be written once the offsets are known; the rest of the room stays spaces.
    private const string ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

    public static PreparedPdf Prepare(byte[] pdf, SignatureFields fields)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(fields);
        Original original;
        try { original = Original.Read(pdf); }
        catch (Exception e) when (e is not PdfSigningException) { throw new PdfSigningException("Tệp không phải PDF đọc được.", e); }

        var widget = original.Size;
        var signature = original.Size + 1;
        var output = new MemoryStream();
        output.Write(pdf);
        if (pdf[^1] != (byte)'\n') output.WriteByte((byte)'\n');
        var offsets = new SortedDictionary<int, (long Offset, int Generation)>();

        // 1. The catalog again, with the signature field in its form (the form object too when it is separate).
        var fieldRef = new IndirectReferenceToken(new IndirectReference(widget, 0));
        var form = original.Form;
        var fieldList = new List<IToken>(original.Fields) { fieldRef };
        form = form.With("Fields", new ArrayToken(fieldList)).With("SigFlags", new NumericToken(3));
        var catalog = original.Catalog;
        if (original.FormRef is { } formRef) WriteObject(output, offsets, formRef, form);
        else catalog = catalog.With("AcroForm", form);
        WriteObject(output, offsets, original.CatalogRef, catalog);

        // 2. The first page again, with the widget among its annotations.
        var annotations = new List<IToken>(original.Annotations) { fieldRef };
        WriteObject(output, offsets, original.PageRef, original.Page.With("Annots", new ArrayToken(annotations)));

        // 3. The signature field merged with its widget: invisible (empty rectangle), printed and locked (/F 132).
        var fieldName = "Signature" + (original.Fields.Count + 1).ToString(CultureInfo.InvariantCulture);
        Text(output, offsets, widget,
            $"<< /Type /Annot /Subtype /Widget /FT /Sig /T ({fieldName}) /F 132 /Rect [0 0 0 0] /V {signature} 0 R /P {original.PageRef.ObjectNumber} {original.PageRef.Generation} R >>");

        // 4. The signature dictionary with the two placeholders, remembering where they are.
        offsets[signature] = (output.Position, 0);
        Ascii(output, $"{signature} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange ");
        var byteRangeAt = (int)output.Position;
        Ascii(output, ByteRangePlaceholder + "\n/Contents ");
        var holeStart = (int)output.Position;
        Ascii(output, "<" + new string('0', ContentsCapacity * 2) + ">");
        var holeEnd = (int)output.Position;
        Ascii(output, $"\n/M {PdfDate(fields.SigningTime)} /Name {TextString(fields.Name)} /Reason {TextString(fields.Reason)} /Location {TextString(fields.Location)} >>\nendobj\n");

        // 5. The xref section for the new objects only, and a trailer chained to the previous one.
        var xref = output.Position;
        var table = new StringBuilder("xref\n");
        foreach (var (number, (offset, generation)) in offsets)
            table.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} {generation:D5} n\r\n");
        Ascii(output, table.ToString());
        Ascii(output, $"trailer\n<< /Size {signature + 1} /Root {original.CatalogRef.ObjectNumber} {original.CatalogRef.Generation} R");
        if (original.Info is { } info) { Ascii(output, " /Info "); TokenWriter.Instance.WriteToken(info, output); }
        if (original.Id is { } id) { Ascii(output, " /ID "); TokenWriter.Instance.WriteToken(id, output); }
        Ascii(output, $" /Prev {original.PreviousXref} >>\nstartxref\n{xref}\n%%EOF\n");

        var bytes = output.ToArray();
        var range = $"0 {holeStart} {holeEnd} {bytes.Length - holeEnd}".PadRight(ByteRangePlaceholder.Length - 2);
        Encoding.ASCII.GetBytes("[" + range + "]").CopyTo(bytes, byteRangeAt);
        return new PreparedPdf(bytes, holeStart, holeEnd);
    }

    /// <summary>Writes the CMS (DER) into the hole as hex; the unused room stays zeros, which DER readers ignore after the value.</summary>
    public static byte[] Embed(PreparedPdf prepared, byte[] cms)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(cms);
        if (cms.Length > ContentsCapacity) throw new PdfSigningException($"Chữ ký ({cms.Length} byte) vượt chỗ dành sẵn ({ContentsCapacity} byte).");
        var bytes = (byte[])prepared.Bytes.Clone();
        Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(bytes, prepared.HoleStart + 1);
        return bytes;
    }

    /// <summary>D:YYYYMMDDHHmmSS+07'00' in Vietnam's time, as the /M entry is read by people too.</summary>
    internal static string PdfDate(DateTimeOffset instant)
    {
        var local = instant.ToOffset(TimeSpan.FromHours(7));
        return "(D:" + local.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+07'00')";
    }

    /// <summary>A PDF text string as UTF-16BE with its byte-order mark, in hex: Vietnamese names survive any reader.</summary>
    internal static string TextString(string text) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text.Normalize(NormalizationForm.FormC))) + ">";

    private static void WriteObject(MemoryStream output, SortedDictionary<int, (long, int)> offsets, IndirectReference at, IToken value)
    {
        offsets[(int)at.ObjectNumber] = (output.Position, at.Generation);
        Ascii(output, $"{at.ObjectNumber} {at.Generation} obj\n");
        TokenWriter.Instance.WriteToken(value, output);
        Ascii(output, "\nendobj\n");
    }

    private static void Text(MemoryStream output, SortedDictionary<int, (long, int)> offsets, int number, string dictionary)
    {
        offsets[number] = (output.Position, 0);
        Ascii(output, $"{number} 0 obj\n{dictionary}\nendobj\n");
    }

    private static void Ascii(MemoryStream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));

    /// <summary>What the update needs from the original file, read with PdfPig.</summary>
    private sealed record Original(
        IndirectReference CatalogRef, DictionaryToken Catalog, DictionaryToken Form, IndirectReference? FormRef, IReadOnlyList<IToken> Fields,
        IndirectReference PageRef, DictionaryToken Page, IReadOnlyList<IToken> Annotations,
        int Size, long PreviousXref, IToken? Info, ArrayToken? Id)
    {
        public static Original Read(byte[] pdf)
        {
            using var document = PdfDocument.Open(pdf);
            if (document.IsEncrypted) throw new PdfSigningException("Không ký được tệp PDF đã mã hóa.");
            var structure = document.Structure;
            var trailer = structure.Trailer;
            var catalogRef = trailer.Root;
            var catalog = Dictionary(structure, new IndirectReferenceToken(catalogRef));
            IndirectReference? formRef = catalog.Data.TryGetValue("AcroForm", out var formToken) && formToken is IndirectReferenceToken r ? r.Data : null;
            var form = formToken is null ? new DictionaryToken(new Dictionary<NameToken, IToken>()) : Dictionary(structure, formToken);
            var fields = form.Data.TryGetValue("Fields", out var f) ? Array(structure, f) : [];
            var (pageRef, page) = FirstPage(structure, catalog.Data["Pages"], 0);
            var annotations = page.Data.TryGetValue("Annots", out var a) ? Array(structure, a) : [];
            var id = trailer.Identifier is { Count: > 0 } ids ? new ArrayToken([.. ids]) : null;
            return new Original(catalogRef, catalog, form, formRef, fields, pageRef, page, annotations,
                trailer.Size, structure.XrefOffset, trailer.Info, id);
        }

        private static (IndirectReference, DictionaryToken) FirstPage(Structure structure, IToken node, int depth)
        {
            if (depth > 32 || node is not IndirectReferenceToken reference) throw new PdfSigningException("Cây trang của tệp PDF không hợp lệ.");
            var dictionary = Dictionary(structure, node);
            if (dictionary.Data.TryGetValue("Type", out var type) && type is NameToken { Data: "Page" }) return (reference.Data, dictionary);
            var kids = dictionary.Data.TryGetValue("Kids", out var k) ? Array(structure, k) : [];
            return kids.Count > 0 ? FirstPage(structure, kids[0], depth + 1) : throw new PdfSigningException("Tệp PDF không có trang nào.");
        }

        private static DictionaryToken Dictionary(Structure structure, IToken token) => Resolve(structure, token) as DictionaryToken
            ?? throw new PdfSigningException("Tệp PDF có cấu trúc không đọc được.");

        private static IReadOnlyList<IToken> Array(Structure structure, IToken token) => (Resolve(structure, token) as ArrayToken)?.Data
            ?? throw new PdfSigningException("Tệp PDF có cấu trúc không đọc được.");

        private static IToken Resolve(Structure structure, IToken token) =>
            token is IndirectReferenceToken reference ? structure.GetObject(reference.Data).Data : token;
    }
}
