using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.ResultDocuments;
using MotCua.Web.Infrastructure.Storage;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>
/// Reception and processing over the JSON API: the birth registration's workflow (receive → examine by a specialist →
/// approve by a leader → result at the counter → return), who may do each action, and what a stale version gets.
/// </summary>
public sealed class DossierActionsApiTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private const string Counter = "motcua@motcua.demo";
    private const string Specialist = "chuyenvien@motcua.demo";
    private const string Leader = "lanhdao@motcua.demo";

    private Task<Dossier> FiledAsync(string key) => factory.WithScopeAsync(async sp =>
    {
        var unit = (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(1))!.Id;
        return await BirthFiling.FileAsync(sp.GetRequiredService<DossierService>(), unit, key);
    });

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<JsonElement> OkAsync(StaffClient client, Guid id, string action, object body)
    {
        var response = await client.Http.PostAsJsonAsync($"/api/v1/dossiers/{id}/{action}", body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {json}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static int Version(JsonElement summary) => summary.GetProperty("version").GetInt32();

    [Fact]
    public async Task A_dossier_goes_from_filing_to_returned_result_through_each_role_with_every_hand_over_on_the_control_slip()
    {
        var filed = await FiledAsync("actions-lifecycle");
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        using var specialist = await StaffClient.SignInAsync(factory, Specialist);
        using var leader = await StaffClient.SignInAsync(factory, Leader);

        var s = await OkAsync(counter, filed.Id, "accept", new { version = filed.Version });
        Assert.Equal(4, s.GetProperty("status").GetInt32());
        s = await OkAsync(specialist, filed.Id, "claim", new { version = Version(s) });
        s = await OkAsync(specialist, filed.Id, "forward", new { version = Version(s), note = "Đủ điều kiện" });
        s = await OkAsync(leader, filed.Id, "approve", new { version = Version(s) });
        s = await OkAsync(counter, filed.Id, "result", new { version = Version(s), documents = new[] { new { name = "Giấy khai sinh (bản chính)", fileId = Guid.NewGuid() } } });
        Assert.Equal(9, s.GetProperty("status").GetInt32());
        s = await OkAsync(counter, filed.Id, "return", new { version = Version(s), channel = 1 });
        Assert.Equal(10, s.GetProperty("status").GetInt32());

        var staffView = await Json(await counter.GetAsync($"/api/v1/dossiers/{filed.Id}"));
        var slip = staffView.GetProperty("controlSlip").EnumerateArray().ToList();
        Assert.True(slip.Count >= 4, staffView.GetProperty("controlSlip").ToString());
        Assert.Contains(staffView.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "Approved" && e.GetProperty("actor").GetString() == "Hoàng Văn Duyệt");

        // Every event the applicant should know about became one SMS in the outbox (the owner gave a phone, no e-mail).
        var publicEvents = staffView.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("publicText").ValueKind == JsonValueKind.String);
        var key = $"dossier:{filed.Id:N}:";
        var sms = await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Type == SmsHandler.MessageType && m.DedupeKey!.StartsWith(key)));
        Assert.Equal(publicEvents, sms);
    }

    [Fact]
    public async Task Staff_who_see_the_dossier_but_may_not_act_get_the_reason_and_staff_elsewhere_do_not_see_it()
    {
        var filed = await FiledAsync("actions-permissions");
        await TestStaff.EnsureAsync(factory, "chuyenvien2@motcua.test", StaffRole.Specialist, UnitCodes.Commune2025(1), "Đỗ Thị Hai");
        await TestStaff.EnsureAsync(factory, "khac@motcua.test", StaffRole.Specialist, UnitCodes.Commune2025(2), "Vũ Văn Khác");
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        using var specialist = await StaffClient.SignInAsync(factory, Specialist);
        using var second = await StaffClient.SignInAsync(factory, "chuyenvien2@motcua.test");
        using var elsewhere = await StaffClient.SignInAsync(factory, "khac@motcua.test");
        using var leader = await StaffClient.SignInAsync(factory, Leader);

        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/v1/dossiers/{filed.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/accept", new { version = filed.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(new Uri($"/api/v1/dossiers/{filed.Id}", UriKind.Relative))).StatusCode);

        var s = await OkAsync(counter, filed.Id, "accept", new { version = filed.Version });
        // The leader's step comes later: a leader may still act on the specialist's step, but a counter officer may not.
        var notTheirs = await counter.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/forward", new { version = Version(s) });
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Contains("vai trò", (await Json(notTheirs)).GetProperty("title").GetString(), StringComparison.Ordinal);

        s = await OkAsync(specialist, filed.Id, "claim", new { version = Version(s) });
        var held = await second.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/forward", new { version = Version(s) });
        Assert.Equal(HttpStatusCode.Forbidden, held.StatusCode);
        Assert.Contains("Phạm Văn Xử", (await Json(held)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/assign", new { version = Version(s), staffId = Guid.NewGuid() })).StatusCode);

        // The leader gives the task to the second specialist, who may now act on it.
        var secondId = await TestStaff.EnsureAsync(factory, "chuyenvien2@motcua.test", StaffRole.Specialist, UnitCodes.Commune2025(1), "Đỗ Thị Hai");
        s = await OkAsync(leader, filed.Id, "assign", new { version = Version(s), staffId = secondId });
        s = await OkAsync(second, filed.Id, "forward", new { version = Version(s) });
        Assert.Equal(4, s.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Two_officers_acting_at_once_one_succeeds_and_the_other_gets_a_conflict_and_nothing_is_applied_twice()
    {
        var filed = await FiledAsync("actions-race");
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        using var specialist = await StaffClient.SignInAsync(factory, Specialist);
        using var leader = await StaffClient.SignInAsync(factory, Leader);
        var s = await OkAsync(counter, filed.Id, "accept", new { version = filed.Version });

        var body = new { version = Version(s) };
        var results = await Task.WhenAll(
            specialist.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/forward", body),
            leader.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/forward", body));
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(results, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("vừa được người khác cập nhật", (await Json(loser)).GetProperty("title").GetString(), StringComparison.Ordinal);

        var view = await Json(await counter.GetAsync($"/api/v1/dossiers/{filed.Id}"));
        Assert.Single(view.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "Forwarded");
        Assert.Equal("approve", view.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("completedAt").ValueKind == JsonValueKind.Null).GetProperty("step").GetString());
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_changes_nothing()
    {
        var filed = await FiledAsync("actions-bad-input");
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        var s = await OkAsync(counter, filed.Id, "accept", new { version = filed.Version });

        async Task ExpectField(string action, object body, string field)
        {
            var response = await counter.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/{action}", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await Json(response)).GetProperty("errors").TryGetProperty(field, out _), field);
        }

        await ExpectField("transfer", new { version = Version(s), reason = "Thuộc thẩm quyền cấp trên", toUnit = "999.99.99.X99" }, "toUnit");
        await ExpectField("transfer", new { version = Version(s), toUnit = "000.00.02.H26" }, "reason");
        await ExpectField("supplement-request", new { version = Version(s), reason = "Thiếu giấy tờ" }, "items");
        await ExpectField("payment-request", new { version = Version(s), amount = -5, reason = "Lệ phí" }, "amount");
        await ExpectField("return", new { version = Version(s), channel = 7 }, "channel");
        await ExpectField("apology", new { version = Version(s), reason = "Chậm" }, "newAppointment");

        var view = await Json(await counter.GetAsync($"/api/v1/dossiers/{filed.Id}"));
        Assert.Equal(Version(s), view.GetProperty("summary").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_transfer_to_another_level_hands_the_dossier_over_keeping_the_step_due_time_and_the_sender_keeps_sight_of_it()
    {
        var filed = await FiledAsync("actions-transfer");
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        using var specialist = await StaffClient.SignInAsync(factory, Specialist);
        var s = await OkAsync(counter, filed.Id, "accept", new { version = filed.Version });
        s = await OkAsync(specialist, filed.Id, "claim", new { version = Version(s) });

        // Transfer is not in the birth registration's examine step: the workflow says no, with a conflict.
        var refused = await specialist.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/transfer", new { version = Version(s), reason = "Cấp trên", toUnit = "000.00.02.H26" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(DossierErrors.ActionNotAllowedAtStep, (await Json(refused)).GetProperty("code").GetString());

        // A supplement request during processing stops the clock (status 5) and is on record.
        s = await OkAsync(specialist, filed.Id, "supplement-request", new { version = Version(s), reason = "Thiếu bản sao", items = new[] { "Bản sao giấy chứng sinh" } });
        Assert.Equal(5, s.GetProperty("status").GetInt32());
        var view = await Json(await specialist.GetAsync($"/api/v1/dossiers/{filed.Id}"));
        Assert.Equal("Bản sao giấy chứng sinh", view.GetProperty("supplements")[0].GetProperty("items")[0].GetString());
    }

    [Fact]
    public async Task The_apology_moves_the_appointment_and_keeps_the_legal_due_date()
    {
        var filed = await FiledAsync("actions-apology");
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        var s = await OkAsync(counter, filed.Id, "accept", new { version = filed.Version });
        var due = DateTimeOffset.Parse(s.GetProperty("dueAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        var earlier = await counter.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/apology", new { version = Version(s), reason = "Chờ xác minh", newAppointment = due.AddDays(-1) });
        Assert.Equal(HttpStatusCode.Conflict, earlier.StatusCode);

        s = await OkAsync(counter, filed.Id, "apology", new { version = Version(s), reason = "Chờ xác minh nơi cư trú", newAppointment = due.AddDays(3) });
        Assert.Equal(due.AddDays(3), DateTimeOffset.Parse(s.GetProperty("dueAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var view = await Json(await counter.GetAsync($"/api/v1/dossiers/{filed.Id}"));
        Assert.Equal(due, DateTimeOffset.Parse(view.GetProperty("legalDueAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(view.GetProperty("apologies").EnumerateArray());
    }

    [Fact]
    public async Task The_counter_records_a_walk_in_dossier_once_with_its_code_and_only_at_its_own_counter()
    {
        var body = new
        {
            procedureCode = BirthFiling.Code,
            receivingUnit = UnitCodes.Commune2025(1),
            channel = 1,
            owner = new { kind = "citizen", fullName = "Trần Thị Bình", idNumber = "001190045678", phone = "0987654321" },
            answers = Forms.SeededForms.ValidAnswers(Forms.SeededForms.Form(BirthFiling.Code)),
        };
        async Task<HttpResponseMessage> PostAsync(StaffClient client, object b, string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/counter/dossiers", UriKind.Relative)) { Content = JsonContent.Create(b) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.Http.SendAsync(request);
        }

        using var counter = await StaffClient.SignInAsync(factory, Counter);
        using var specialist = await StaffClient.SignInAsync(factory, Specialist);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(specialist, body, "walk-in-1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(counter, body with { channel = 2 }, "walk-in-1")).StatusCode);

        var first = await PostAsync(counter, body, "walk-in-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await PostAsync(counter, body, "walk-in-1");
        var a = await Json(first);
        Assert.Equal(a.GetProperty("id").GetGuid(), (await Json(again)).GetProperty("id").GetGuid());
        Assert.Equal(1, a.GetProperty("channel").GetInt32());
        Assert.Equal(4, a.GetProperty("status").GetInt32());
        Assert.Matches(@"^000\.01\.60\.H26-\d{6}-\d{4}$", a.GetProperty("code").GetString());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Dossiers.CountAsync(d => d.Owner.IdNumber == "001190045678")));
    }
}

/// <summary>
/// Inter-level processing (liên thông): a land procedure received at a ward goes up to the city's land department,
/// which consults the justice department, decides, and sends the dossier back down to the ward's counter for the result.
/// </summary>
public sealed class InterLevelProcessingTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private const string Land = "000.00.23.H26";
    private const string Justice = "000.00.02.H26";

    private static async Task<JsonElement> OkAsync(StaffClient client, Guid id, string action, object body)
    {
        var response = await client.Http.PostAsJsonAsync($"/api/v1/dossiers/{id}/{action}", body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {json}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static int V(JsonElement s) => s.GetProperty("version").GetInt32();

    [Fact]
    public async Task A_ward_dossier_goes_up_to_a_department_is_consulted_on_and_comes_back_down_for_its_result()
    {
        await TestStaff.EnsureAsync(factory, "dat.cv@motcua.test", StaffRole.Specialist, Land, "Chuyên viên Đất đai");
        await TestStaff.EnsureAsync(factory, "dat.ld@motcua.test", StaffRole.Leader, Land, "Lãnh đạo Sở Nông nghiệp và Môi trường");
        await TestStaff.EnsureAsync(factory, "tp.cv@motcua.test", StaffRole.Specialist, Justice, "Chuyên viên Tư pháp");
        using var counter = await StaffClient.SignInAsync(factory, "motcua@motcua.demo");
        using var ward = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");
        using var land = await StaffClient.SignInAsync(factory, "dat.cv@motcua.test");
        using var landLeader = await StaffClient.SignInAsync(factory, "dat.ld@motcua.test");
        using var justice = await StaffClient.SignInAsync(factory, "tp.cv@motcua.test");

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/counter/dossiers", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                procedureCode = "1.012783",
                receivingUnit = UnitCodes.Commune2025(1),
                channel = 1,
                owner = new { kind = "citizen", fullName = "Lý Văn Đất", idNumber = "001075012399", phone = "0904000111" },
                answers = Forms.SeededForms.ValidAnswers(Forms.SeededForms.Form("1.012783")),
            }),
        };
        request.Headers.Add("Idempotency-Key", "inter-level-1");
        var received = await counter.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, received.StatusCode);
        var s = JsonDocument.Parse(await received.Content.ReadAsStringAsync()).RootElement.Clone();
        var id = s.GetProperty("id").GetGuid();

        // The department does not see the dossier until it is handed to it.
        Assert.Equal(HttpStatusCode.NotFound, (await land.GetAsync($"/api/v1/dossiers/{id}")).StatusCode);
        s = await OkAsync(ward, id, "transfer", new { version = V(s), reason = "Chuyển Văn phòng đăng ký đất đai thẩm định" });
        var view = JsonDocument.Parse(await (await land.GetAsync($"/api/v1/dossiers/{id}")).Content.ReadAsStringAsync()).RootElement;
        var open = view.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("completedAt").ValueKind == JsonValueKind.Null);
        Assert.Equal("examine", open.GetProperty("step").GetString());
        // The ward still sees the dossier it sent up, but the step is no longer its to act on.
        Assert.Equal(HttpStatusCode.Forbidden, (await ward.Http.PostAsJsonAsync($"/api/v1/dossiers/{id}/forward", new { version = V(s) })).StatusCode);

        s = await OkAsync(land, id, "consult", new { version = V(s), toUnit = Justice, question = "Xác nhận tình trạng hôn nhân của người sử dụng đất?", workingDays = 2 });
        var forwardEarly = await land.Http.PostAsJsonAsync($"/api/v1/dossiers/{id}/forward", new { version = V(s) });
        Assert.Equal(HttpStatusCode.Conflict, forwardEarly.StatusCode);
        var consultation = JsonDocument.Parse(await (await justice.GetAsync($"/api/v1/dossiers/{id}")).Content.ReadAsStringAsync()).RootElement
            .GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "Consultation").GetProperty("id").GetGuid();
        s = await OkAsync(justice, id, $"consultations/{consultation}/answer", new { version = V(s), answer = "Đã xác minh: độc thân." });
        s = await OkAsync(land, id, "forward", new { version = V(s) });
        s = await OkAsync(landLeader, id, "approve", new { version = V(s) });
        // Back down at the ward's counter: the result and its return by post.
        s = await OkAsync(counter, id, "result", new { version = V(s) });
        s = await OkAsync(counter, id, "return", new { version = V(s), channel = 3 });
        Assert.Equal(10, s.GetProperty("status").GetInt32());

        var final = JsonDocument.Parse(await (await counter.GetAsync($"/api/v1/dossiers/{id}")).Content.ReadAsStringAsync()).RootElement;
        var slip = final.GetProperty("controlSlip");
        Assert.True(slip.GetArrayLength() >= 5, slip.ToString());

        // No document attached: the written notice of the outcome was generated, stored and is readable.
        var notice = Assert.Single(final.GetProperty("results").EnumerateArray());
        Assert.Equal(ResultNotice.DocumentName, notice.GetProperty("name").GetString());
        var bytes = await factory.WithScopeAsync(async sp =>
        {
            await using var stream = await sp.GetRequiredService<IFileStore>().OpenReadAsync(new FileId(notice.GetProperty("fileId").GetGuid()));
            using var copy = new MemoryStream();
            await stream!.CopyToAsync(copy);
            return copy.ToArray();
        });
        var text = await Slips.PdfTools.TextAsync(bytes);
        Assert.Contains("THÔNG BÁO KẾT QUẢ GIẢI QUYẾT", text, StringComparison.Ordinal);
        Assert.Contains("Lý Văn Đất", text, StringComparison.Ordinal);
        Assert.Contains("Đã giải quyết", text, StringComparison.Ordinal);
    }
}
