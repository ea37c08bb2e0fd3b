using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace MotCua.Web.Features.Feedback.Open311;

/// <summary>One Open311 record: named fields in the specification's order.</summary>
public sealed class O311Object : List<KeyValuePair<string, object?>>
{
    public void Add(string name, object? value) => Add(new KeyValuePair<string, object?>(name, value));
}

/// <summary>A list: a top-level array in JSON; in XML an element holding one <see cref="Element"/> per item.</summary>
public sealed record O311List(string Element, IReadOnlyList<object> Items);

/// <summary>
/// Writes the same records as XML (the specification's mandatory format) or JSON (which mirrors it: lists are arrays,
/// values are strings, numbers or booleans). One model, two writers: the formats cannot drift apart.
/// </summary>
public static class Open311Format
{
    public static bool IsKnown(string? format) => format is "xml" or "json";

    /// <param name="root">XML root element name for a list (e.g. service_requests), or for an object (e.g. discovery).</param>
    public static IResult Write(string format, string root, object body, int status = StatusCodes.Status200OK) =>
        format == "json"
            ? new JsonAnswer(body, status)
            : Results.Text(Xml(root, body), "text/xml; charset=utf-8", Encoding.UTF8, status);

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// JSON written straight into the response's pipe (pooled buffers), not built as one array first: a thousand-request
    /// list is ~700 KB, and an array that size lands on the large-object heap, whose collections cost more than the
    /// writing itself when every answer makes one.
    /// </summary>
    private sealed class JsonAnswer(object body, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            var pipe = httpContext.Response.BodyWriter;
            await using (var writer = new Utf8JsonWriter(pipe, JsonOptions))
            {
                WriteJson(writer, body);
            }
            await pipe.FlushAsync(httpContext.RequestAborted);
        }
    }

    private static void WriteJson(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case double d: w.WriteNumberValue(d); break;
            case int i: w.WriteNumberValue(i); break;
            case DateTimeOffset t: w.WriteStringValue(Date(t)); break;
            case O311Object o:
                w.WriteStartObject();
                foreach (var (name, v) in o)
                {
                    w.WritePropertyName(name);
                    WriteJson(w, v);
                }
                w.WriteEndObject();
                break;
            case O311List list:
                w.WriteStartArray();
                foreach (var item in list.Items) WriteJson(w, item);
                w.WriteEndArray();
                break;
            default: throw new ArgumentException($"Open311 cannot write a {value.GetType().Name}.", nameof(value));
        }
    }

    private static string Xml(string root, object body)
    {
        var text = new StringBuilder();
        using (var w = XmlWriter.Create(text, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = false, OmitXmlDeclaration = true }))
        {
            w.WriteStartElement(root);
            WriteXmlContent(w, body);
            w.WriteEndElement();
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + text;
    }

    private static void WriteXmlContent(XmlWriter w, object? value)
    {
        switch (value)
        {
            case null: break;
            case string s: w.WriteString(s); break;
            case bool b: w.WriteString(b ? "true" : "false"); break;
            case double d: w.WriteString(d.ToString("R", CultureInfo.InvariantCulture)); break;
            case int i: w.WriteString(i.ToString(CultureInfo.InvariantCulture)); break;
            case DateTimeOffset t: w.WriteString(Date(t)); break;
            case O311Object o:
                foreach (var (name, v) in o)
                {
                    w.WriteStartElement(name);
                    WriteXmlContent(w, v);
                    w.WriteEndElement();
                }
                break;
            case O311List list:
                foreach (var item in list.Items)
                {
                    w.WriteStartElement(list.Element);
                    WriteXmlContent(w, item);
                    w.WriteEndElement();
                }
                break;
            default: throw new ArgumentException($"Open311 cannot write a {value.GetType().Name}.", nameof(value));
        }
    }

    /// <summary>W3C date-time with the Vietnam offset, as the specification asks (a time zone is required).</summary>
    public static string Date(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The specification's error body: a list of {code, description}.</summary>
    public static IResult Error(string format, int status, params string[] descriptions) =>
        Write(IsKnown(format) ? format : "xml", "errors",
            new O311List("error", [.. descriptions.Select(d => new O311Object { { "code", status.ToString(CultureInfo.InvariantCulture) }, { "description", d } })]), status);
}
