using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Feedback.Photos;
using MotCua.Web.Tests.Citizens;
using MotCua.Web.Tests.Infrastructure;
using static MotCua.Web.Tests.Feedback.Reporting.ReportingClient;

namespace MotCua.Web.Tests.Feedback.Reporting;

/// <summary>The reporting page on the real database: anonymous and signed-in reports, bad input, a double send, photos, nearby reports.</summary>
public sealed class ReportingPageTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    [Fact]
    public async Task The_page_lists_the_categories_then_asks_the_chosen_ones_questions_with_a_map_and_coordinates()
    {
        using var client = StaffClient.Anonymous(factory);
        var start = await client.GetPageAsync(Page);
        Assert.Contains("value=\"chieu-sang\"", start, StringComparison.Ordinal);
        Assert.Contains("value=\"rac-thai\"", start, StringComparison.Ordinal);

        var form = await client.GetPageAsync(Page + "?category=chieu-sang");
        Assert.Contains("name=\"a-tinh-trang\"", form, StringComparison.Ordinal);
        Assert.Contains("id=\"report-map\"", form, StringComparison.Ordinal);
        Assert.Contains("id=\"lat\"", form, StringComparison.Ordinal);
        Assert.Contains("/js/feedback-map.js", form, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", form, StringComparison.Ordinal);
        Assert.Matches("name=\"key\" value=\"[0-9a-f]{32}\"", form);
    }

    [Fact]
    public async Task An_anonymous_report_is_filed_once_however_often_it_is_sent_and_confirmed_with_its_number()
    {
        using var client = StaffClient.Anonymous(factory);
        var html = await client.GetPageAsync(Page + "?category=chieu-sang");
        var before = await CountAsync(factory);
        var first = NumberOf(await PostAsync(client, html, Lighting(Place(1))));
        var again = NumberOf(await PostAsync(client, html, Lighting(Place(1))));

        Assert.Equal(first, again);
        Assert.Equal(before + 1, await CountAsync(factory));
        var report = await LoadAsync(factory, first);
        Assert.True(report.IsAnonymous);
        Assert.Equal(["tat"], report.Answers["tinh-trang"]);
        Assert.Equal(Place(1), report.Location);
        var sent = await client.GetPageAsync("/feedback/sent/" + first);
        Assert.Contains(first, sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_comes_back_with_every_message_next_to_its_field_and_nothing_is_written()
    {
        using var client = StaffClient.Anonymous(factory);
        var before = await CountAsync(factory);
        var fields = new Dictionary<string, string> { ["lat"] = "21.03", ["lng"] = "abc", ["description"] = " ", ["a-tinh-trang"] = "khong-co" };
        var response = await SendAsync(client, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#lat\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#description\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#a-tinh-trang\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"lat-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"a-tinh-trang-error\"", html, StringComparison.Ordinal);

        // Nothing at all to place the report, a required question unanswered, an unknown category, a pin outside the city.
        var nowhere = await (await SendAsync(client, new() { ["description"] = "Đèn hỏng." })).Content.ReadAsStringAsync();
        Assert.Contains("href=\"#lat\"", nowhere, StringComparison.Ordinal);
        Assert.Contains("href=\"#a-tinh-trang\"", nowhere, StringComparison.Ordinal);
        var unknown = await PostAsync(client, await client.GetPageAsync(Page + "?category=chieu-sang"), Lighting(Place(2)), category: "khong-co");
        Assert.Contains("href=\"#category\"", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var outside = await SendAsync(client, Lighting(new GeoPoint(10.7769, 106.7009)));
        Assert.Contains("ngoài địa bàn", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notAPhoto = await SendAsync(client, Lighting(Place(2)), photos: [("a.jpg", "not a photo"u8.ToArray())]);
        Assert.Contains("href=\"#photos\"", await notAPhoto.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var six = await SendAsync(client, Lighting(Place(2)), photos: [.. Enumerable.Range(1, 6).Select(i => ($"{i}.jpg", TestPhotos.Jpeg()))]);
        Assert.Contains("href=\"#photos\"", await six.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(before, await CountAsync(factory));
    }

    [Fact]
    public async Task Without_a_pin_the_photos_location_places_the_report_and_the_photos_are_published_cleaned()
    {
        using var client = StaffClient.Anonymous(factory);
        var at = Place(3);
        var fields = new Dictionary<string, string> { ["description"] = "Cột đèn nghiêng sắp đổ.", ["a-tinh-trang"] = "tat" };
        var number = NumberOf(await SendAsync(client, fields, photos: [("cot.jpg", TestPhotos.Jpeg(at)), ("cot2.png", TestPhotos.Png())]));

        var report = await LoadAsync(factory, number);
        Assert.NotNull(report.Location);
        Assert.InRange(report.Location!.Latitude, at.Latitude - 0.0001, at.Latitude + 0.0001);
        Assert.Equal(2, report.PhotoIds.Count);
        var photo = await client.GetAsync(FeedbackPhotoApi.PathOf(report.PhotoIds[0]));
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.DoesNotContain(TestPhotos.Secret, System.Text.Encoding.ASCII.GetString(await photo.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_citizen_reports_under_their_VNeID_name_and_finds_it_among_their_reports()
    {
        using var citizen = await CitizenClient.SignInAsync(factory, CitizenClient.An);
        var number = NumberOf(await SendAsync(citizen.Client, Lighting(Place(4))));

        var report = await LoadAsync(factory, number);
        Assert.Equal(CitizenClient.An, report.Reporter!.CitizenId);
        Assert.Equal("Nguyễn Văn An", report.Reporter.Name);
        Assert.Equal("0912345678", report.Reporter.Phone);
        Assert.Equal("an.nguyen@example.vn", report.Reporter.Email);
        Assert.Contains(number, await citizen.GetPageAsync("/my/feedback"), StringComparison.Ordinal);
        Assert.Contains("/my/feedback", await citizen.GetPageAsync("/feedback/sent/" + number), StringComparison.Ordinal);

        // Anonymous on request: nothing of theirs is kept.
        var anonymous = Lighting(Place(5));
        anonymous["anonymous"] = "true";
        Assert.True((await LoadAsync(factory, NumberOf(await SendAsync(citizen.Client, anonymous)))).IsAnonymous);
    }

    [Fact]
    public async Task An_open_report_nearby_is_suggested_before_sending_and_the_second_send_keeps_the_photos()
    {
        var existing = await FileAsync(factory, Place(6));
        using var client = StaffClient.Anonymous(factory);
        var near = new GeoPoint(Place(6).Latitude + 0.0005, Place(6).Longitude); // about 55 m north
        var before = await CountAsync(factory);

        var first = await SendAsync(client, Lighting(near), photos: [("den.jpg", TestPhotos.Jpeg())]);
        var html = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("id=\"nearby\"", html, StringComparison.Ordinal);
        Assert.Contains(existing.Number, html, StringComparison.Ordinal);
        Assert.Contains("name=\"skipNearby\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(factory));

        var fields = Lighting(near);
        fields["skipNearby"] = "true";
        var number = NumberOf(await PostAsync(client, html, fields));
        var report = await LoadAsync(factory, number);
        Assert.Single(report.PhotoIds);
        Assert.Equal(before + 1, await CountAsync(factory));

        // A forged "kept" field is ignored, not trusted.
        var forged = Lighting(Place(7));
        forged["kept"] = "not-a-protected-value";
        Assert.Empty((await LoadAsync(factory, NumberOf(await SendAsync(client, forged)))).PhotoIds);
    }

    [Fact]
    public async Task The_nearby_endpoint_lists_open_visible_reports_of_the_category_within_150_metres_nearest_first()
    {
        var near = await FileAsync(factory, Place(8));
        var nearer = await FileAsync(factory, new GeoPoint(Place(8).Latitude + 0.0002, Place(8).Longitude));
        var far = await FileAsync(factory, new GeoPoint(Place(8).Latitude + 0.003, Place(8).Longitude));
        var otherCategory = await FileAsync(factory, Place(8), category: "rac-thai");
        var hidden = await FileAsync(factory, Place(8));
        await ChangeAsync(factory, hidden.Number, Hide);
        var closed = await FileAsync(factory, Place(8));
        await ChangeAsync(factory, closed.Number, r => Resolve(r, DateTimeOffset.UtcNow));

        using var client = StaffClient.Anonymous(factory);
        var at = new GeoPoint(Place(8).Latitude + 0.00025, Place(8).Longitude);
        var json = await client.GetPageAsync($"/feedback/nearby?category=chieu-sang&lat={at.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}&lng={at.Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var numbers = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.GetProperty("number").GetString()).ToList();
        Assert.Equal([nearer.Number, near.Number], numbers);
        Assert.DoesNotContain("Nguyễn", json, StringComparison.Ordinal);
        // The status in the reader's language, as the page around the live list is.
        var english = await client.GetPageAsync($"/feedback/nearby?category=chieu-sang&lat={at.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}&lng={at.Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}&lang=en");
        Assert.Equal("New", System.Text.Json.JsonDocument.Parse(english).RootElement[0].GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/feedback/nearby?category=khong-co&lat=21&lng=105")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/feedback/nearby?category=chieu-sang&lat=91&lng=105")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/feedback/nearby?category=chieu-sang&lat=x")).StatusCode);
        _ = far; _ = otherCategory;
    }

    [Fact]
    public async Task The_outlines_are_one_cached_GeoJSON_layer_of_every_imported_unit()
    {
        using var client = StaffClient.Anonymous(factory);
        var response = await client.GetAsync("/feedback/outlines.geojson");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        var outlines = await factory.WithDbAsync(db => db.Set<Features.Organization.Boundaries.UnitBoundary>().CountAsync());
        Assert.Equal(outlines, features.Count);
        Assert.Contains(features, f => f.GetProperty("properties").GetProperty("name").GetString()!.Contains("Hoàn Kiếm", StringComparison.Ordinal));
        Assert.True(json.Length < 2_000_000, $"outlines are {json.Length} bytes");

        using var again = new HttpRequestMessage(HttpMethod.Get, "/feedback/outlines.geojson");
        again.Headers.TryAddWithoutValidation("If-None-Match", response.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await client.Http.SendAsync(again)).StatusCode);
    }
}
