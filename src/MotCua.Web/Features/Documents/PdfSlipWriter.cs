using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using PageSize = UglyToad.PdfPig.Content.PageSize;

namespace MotCua.Web.Features.Documents;

/// <summary>
/// Draws a <see cref="SlipDocument"/> as an A4 PDF with PdfPig (Apache-2.0): the national-motto header, the
/// title, the body with word wrapping and page breaks, the signature columns and the QR code. Text goes in
/// composed (NFC) form, because the font has precomposed Vietnamese letters and PDF text has no shaping.
/// </summary>
public sealed class PdfSlipWriter
{
    private const double PageWidth = 595, PageHeight = 842, Left = 56, Right = 56, Top = 48, Bottom = 56;
    private const double ContentWidth = PageWidth - Left - Right;
    private const double BodySize = 11, SmallSize = 9;

    private readonly PdfDocumentBuilder _builder = new();
    private readonly PdfDocumentBuilder.AddedFont _regular;
    private readonly PdfDocumentBuilder.AddedFont _bold;
    private readonly Dictionary<(string, bool, double), double> _widths = [];
    private PdfPageBuilder _page;
    private double _y;

    private PdfSlipWriter(string title)
    {
        _builder.DocumentInformation.Title = title;
        _builder.DocumentInformation.Producer = "MotCua";
        _regular = _builder.AddTrueTypeFont(SlipFonts.Regular);
        _bold = _builder.AddTrueTypeFont(SlipFonts.Bold);
        _page = _builder.AddPage(PageSize.A4);
        _y = PageHeight - Top;
    }

    public static byte[] Write(SlipDocument slip)
    {
        ArgumentNullException.ThrowIfNull(slip);
        var writer = new PdfSlipWriter(Nfc(slip.Title));
        writer.Header(slip);
        foreach (var block in slip.Blocks) writer.Block(block);
        writer.Signers(slip.Signers);
        if (slip.QrUrl is { } url) writer.Qr(url, slip.QrCaption);
        return writer._builder.Build();
    }

    private void Header(SlipDocument slip)
    {
        const double leftColumn = 210, rightStart = Left + 235;
        var rightWidth = PageWidth - Right - rightStart;
        var top = _y;
        var leftEnd = Centered(Nfc(slip.Issuer).ToUpperInvariant(), Left, leftColumn, true, 10, top);
        Rule(Left + leftColumn / 2 - 30, Left + leftColumn / 2 + 30, leftEnd - 1);
        var rightEnd = Centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", rightStart, rightWidth, true, 10, top);
        rightEnd = Centered("Độc lập - Tự do - Hạnh phúc", rightStart, rightWidth, true, 10, rightEnd);
        Rule(rightStart + rightWidth / 2 - 60, rightStart + rightWidth / 2 + 60, rightEnd - 1);
        _y = Math.Min(leftEnd, rightEnd) - 10;
        Centered("Mẫu số " + slip.FormNumber, PageWidth - Right - 90, 90, false, SmallSize, _y);
        _y -= 24;
        _y = Centered(Nfc(slip.Title).ToUpperInvariant(), Left, ContentWidth, true, 14, _y);
        if (slip.Subtitle is { } subtitle) _y = Centered(Nfc(subtitle), Left, ContentWidth, false, BodySize, _y);
        _y -= 10;
    }

    private void Block(SlipBlock block)
    {
        switch (block)
        {
            case SlipField field:
                Runs([(Nfc(field.Label) + ": ", true), (Nfc(field.Value), false)], Left, ContentWidth, BodySize);
                break;
            case SlipParagraph paragraph:
                Runs([(Nfc(paragraph.Text), false)], Left, ContentWidth, BodySize);
                break;
            case SlipHeading heading:
                _y -= 4;
                Runs([(Nfc(heading.Text), true)], Left, ContentWidth, BodySize);
                break;
            case SlipList list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    Text($"{i + 1}.", Left + 8, _y - Line(BodySize) + 3, false, BodySize);
                    Runs([(Nfc(list.Items[i]), false)], Left + 26, ContentWidth - 26, BodySize);
                }
                break;
            case SlipTable table:
                Table(table);
                break;
        }
        _y -= 3;
    }

    private void Table(SlipTable table)
    {
        var total = table.Widths.Sum();
        var widths = table.Widths.Select(w => w / total * ContentWidth).ToArray();
        Row(table.Columns, widths, true);
        foreach (var row in table.Rows)
        {
            var lines = row.Select((cell, i) => Wrap([(Nfc(cell), false)], widths[i] - 6, SmallSize)).ToList();
            if (_y - Height(lines) < Bottom)
            {
                NewPage();
                Row(table.Columns, widths, true);
            }
            Row(row, widths, false);
        }
        _y -= 6;
    }

    private void Row(IReadOnlyList<string> cells, double[] widths, bool header)
    {
        var lines = cells.Select((cell, i) => Wrap([(Nfc(cell), header)], widths[i] - 6, SmallSize)).ToList();
        var height = Height(lines);
        var x = Left;
        for (var i = 0; i < cells.Count; i++)
        {
            _page.DrawRectangle(new PdfPoint(x, _y - height), widths[i], height, 0.5);
            var y = _y - 3;
            foreach (var line in lines[i]) { DrawLine(line, x + 3, y - Line(SmallSize) + 2, SmallSize); y -= Line(SmallSize); }
            x += widths[i];
        }
        _y -= height;
    }

    private static double Height(List<List<List<(string Text, bool Bold)>>> cells) => cells.Max(c => Math.Max(c.Count, 1)) * Line(SmallSize) + 6;

    private void Signers(IReadOnlyList<SlipSigner> signers)
    {
        if (signers.Count == 0) return;
        if (_y - 110 < Bottom) NewPage();
        _y -= 12;
        var width = ContentWidth / signers.Count;
        var top = _y;
        for (var i = 0; i < signers.Count; i++)
        {
            var x = Left + i * width;
            var y = Centered(Nfc(signers[i].Role).ToUpperInvariant(), x, width, true, 10, top);
            y = Centered("(Ký, ghi rõ họ tên)", x, width, false, SmallSize, y);
            if (signers[i].Name is { } name) Centered(Nfc(name), x, width, true, 10, y - 56);
        }
        _y = top - 100;
    }

    private void Qr(string url, string? caption)
    {
        const double size = 96;
        if (_y - size - 10 < Bottom) NewPage();
        var modules = QrCodes.Modules(url);
        var cell = size / modules.Length;
        var top = _y - 6;
        for (var row = 0; row < modules.Length; row++)
        {
            for (var column = 0; column < modules[row].Length; column++)
            {
                if (modules[row][column]) _page.DrawRectangle(new PdfPoint(Left + column * cell, top - (row + 1) * cell), cell, cell, 0, fill: true);
            }
        }
        if (caption is not null)
        {
            var saved = _y;
            _y = top - 8;
            Runs([(Nfc(caption), false)], Left + size + 12, ContentWidth - size - 12, SmallSize);
            _y = saved;
        }
        _y = top - size - 6;
    }

    /// <summary>Wraps runs of regular and bold text into lines within <paramref name="width"/>, drawing them from the current line down.</summary>
    private void Runs(IReadOnlyList<(string Text, bool Bold)> runs, double x, double width, double size)
    {
        foreach (var line in Wrap(runs, width, size))
        {
            if (_y - Line(size) < Bottom) NewPage();
            DrawLine(line, x, _y - Line(size) + 3, size);
            _y -= Line(size);
        }
    }

    private List<List<(string Text, bool Bold)>> Wrap(IReadOnlyList<(string Text, bool Bold)> runs, double width, double size)
    {
        var lines = new List<List<(string, bool)>>();
        var current = new List<(string, bool)>();
        double used = 0;
        foreach (var (text, bold) in runs)
        {
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = Width(word, bold, size);
                var space = current.Count == 0 ? 0 : Width(" ", bold, size);
                if (current.Count > 0 && used + space + w > width)
                {
                    lines.Add(current);
                    current = [];
                    used = 0;
                    space = 0;
                }
                current.Add((word, bold));
                used += space + w;
            }
        }
        if (current.Count > 0) lines.Add(current);
        return lines;
    }

    private void DrawLine(List<(string Text, bool Bold)> words, double x, double baseline, double size)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var (word, bold) = words[i];
            Text(word, x, baseline, bold, size);
            x += Width(word, bold, size) + (i + 1 < words.Count ? Width(" ", false, size) : 0);
        }
    }

    /// <summary>Draws text centred in a column, wrapped, from <paramref name="top"/> down; returns the y below it.</summary>
    private double Centered(string text, double x, double width, bool bold, double size, double top)
    {
        var y = top;
        foreach (var line in Wrap([(text, bold)], width, size))
        {
            var joined = string.Join(' ', line.Select(w => w.Text));
            Text(joined, x + (width - Width(joined, bold, size)) / 2, y - Line(size) + 3, bold, size);
            y -= Line(size);
        }
        return y;
    }

    private void Text(string text, double x, double baseline, bool bold, double size) =>
        _page.AddText(text, size, new PdfPoint(x, baseline), bold ? _bold : _regular);

    private void Rule(double from, double to, double y) => _page.DrawLine(new PdfPoint(from, y), new PdfPoint(to, y), 0.6);

    private double Width(string text, bool bold, double size)
    {
        if (text.Length == 0) return 0;
        if (_widths.TryGetValue((text, bold, size), out var known)) return known;
        var letters = _page.MeasureText(text, size, new PdfPoint(0, 0), bold ? _bold : _regular);
        var width = letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
        _widths[(text, bold, size)] = width;
        return width;
    }

    private void NewPage()
    {
        _page = _builder.AddPage(PageSize.A4);
        _y = PageHeight - Top;
    }

    private static double Line(double size) => size * 1.4;

    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);
}
