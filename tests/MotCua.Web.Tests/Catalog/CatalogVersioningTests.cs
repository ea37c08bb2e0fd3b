using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Catalog;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Catalog.Data;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalog;

/// <summary>Versions, publication and all-or-nothing import, through the same service the admin pages and API use.</summary>
public sealed class CatalogVersioningTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private async Task<ProcedureDefinition> PublishedAsync(string code) =>
        await factory.WithDbAsync(async db =>
        {
            var version = await db.ProcedureVersions.Join(db.Procedures.Where(p => p.NationalCode == code), v => v.Id, p => p.PublishedVersionId, (v, p) => v).SingleAsync();
            return CatalogService.Read(version);
        });

    [Fact]
    public async Task A_new_version_supersedes_the_old_one_which_stays_readable()
    {
        var original = await PublishedAsync("1.001193");
        var changed = original with { Name = original.Name + " (sửa đổi)" };
        var (draft, published) = await factory.WithScopeAsync(async sp =>
        {
            var catalog = sp.GetRequiredService<CatalogService>();
            var draft = await catalog.SaveDraftAsync(changed, "test", CancellationToken.None);
            Assert.True(draft.Succeeded);
            var published = await catalog.PublishAsync(draft.VersionIds[0], "test", CancellationToken.None);
            return (draft, published);
        });
        Assert.True(published.Succeeded);

        await factory.WithDbAsync(async db =>
        {
            var versions = await db.ProcedureVersions.Join(db.Procedures.Where(p => p.NationalCode == "1.001193"), v => v.ProcedureId, p => p.Id, (v, p) => v)
                .OrderBy(v => v.Number).ToListAsync();
            Assert.Equal([VersionStatus.Superseded, VersionStatus.Published], versions.Select(v => v.Status));
            Assert.Equal(original.Name, CatalogService.Read(versions[0]).Name);
            Assert.Equal(draft.VersionIds[0], versions[1].Id);
            return 0;
        });

        var found = await factory.CreateClient().GetStringAsync(new Uri("/api/v1/procedures?q=sua+doi", UriKind.Relative));
        Assert.Contains("(sửa đổi)", found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_with_any_error_imports_nothing_and_lists_every_error_with_its_path()
    {
        var good = await PublishedAsync("1.004222");
        var brokenWorkflow = good with
        {
            NationalCode = "9.000001",
            Workflow = good.Workflow! with { Steps = [good.Workflow!.Steps[0] with { Transitions = [new StepTransition { Action = StepAction.Forward, To = "nowhere" }] }] },
        };
        var noName = good with { NationalCode = "9.000002", Name = " " };
        var before = await factory.WithDbAsync(db => db.Procedures.CountAsync());

        var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().ImportAsync([good with { NationalCode = "9.000000" }, brokenWorkflow, noName], "test", publish: true, CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Path.StartsWith("$[1].workflow.steps[0].transitions[0]", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Path == "$[2].name");
        Assert.Equal(before, await factory.WithDbAsync(db => db.Procedures.CountAsync()));
    }

    [Fact]
    public async Task A_valid_import_publishes_and_a_retired_procedure_disappears()
    {
        var source = await PublishedAsync("1.004222");
        var copy = source with { NationalCode = "9.100001", Name = "Thủ tục thử nghiệm nhập danh mục" };
        var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().ImportAsync([copy], "test", publish: true, CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var client = factory.CreateClient();
        Assert.Contains("9.100001", await client.GetStringAsync(new Uri("/api/v1/procedures?q=thu+nghiem+nhap+danh+muc", UriKind.Relative)), StringComparison.Ordinal);

        var retired = await factory.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().RetireAsync("9.100001", CancellationToken.None));
        Assert.True(retired.Succeeded);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/v1/procedures/9.100001", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("9.100001", await client.GetStringAsync(new Uri("/api/v1/procedures?q=thu+nghiem+nhap+danh+muc", UriKind.Relative)), StringComparison.Ordinal);
    }
}
