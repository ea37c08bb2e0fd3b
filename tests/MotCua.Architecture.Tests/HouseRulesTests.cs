using System.Reflection;
using System.Text.RegularExpressions;

namespace MotCua.Architecture.Tests;

/// <summary>The rules of docs/architecture.md that a compiler does not check.</summary>
public sealed partial class HouseRulesTests
{
    private static readonly Assembly Domain = typeof(MotCua.Domain.Catalog.ProcedureDefinition).Assembly;
    private static readonly Assembly Web = typeof(MotCua.Web.HostSetup).Assembly;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Repository root not found.");
    }

    [Fact]
    public void The_domain_is_pure_no_database_and_no_web()
    {
        var forbidden = Domain.GetReferencedAssemblies().Select(a => a.Name ?? "")
            .Where(n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || n.StartsWith("Npgsql", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(forbidden);
    }

    [Fact]
    public void Code_reads_time_from_TimeProvider_never_from_the_system_clock()
    {
        var root = RepositoryRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => ClockCall().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();
        Assert.True(offenders.Count == 0, "Use TimeProvider instead of the system clock in: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Every_page_model_says_who_may_use_it_or_relies_on_the_deny_by_default_policy()
    {
        // Anonymous pages must say so explicitly; everything else falls to the fallback policy (signed-in staff).
        var anonymous = Web.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel)))
            .Where(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute), inherit: true).Length > 0)
            .Select(t => t.FullName!)
            .ToList();
        // Dossiers.Forms: the read-only form preview (/procedures/{code}/form/preview), which saves nothing.
        // Dossiers.Lookup: the public, rate-limited dossier lookup (/lookup, /lookup/{code}?t=), read-only.
        // Citizens: the citizen sign-in (VNeID), its failure page and sign-out.
        // Documents.Verify: the public, rate-limited verification page a document's QR code opens (/xac-thuc/{id}); its upload is checked, never stored.
        // Payments.Return: where VNPay sends the payer back, signature-checked, read-only (it changes no order).
        // Feedback.Reporting / Feedback.Public: citizen reports (anonymous by design, rate-limited, idempotent) and the
        // public map, list and report pages (hidden reports 404); their follow/rate/reopen forms check the citizen.
        var allowed = new[] { "Home", "Catalog.Public", "Organization.Public", "Identity", "Dossiers.Forms", "Dossiers.Lookup", "Citizens", "Documents.Verify", "Payments.Return", "Feedback.Reporting", "Feedback.Public", "Insight.Public" };
        Assert.All(anonymous, name => Assert.Contains(allowed, a => name.Contains($".Features.{a}.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Source_files_stay_small()
    {
        var root = RepositoryRoot();
        var large = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(root, f), Lines: File.ReadLines(f).Count()))
            .Where(x => x.Lines > 400)
            .ToList();
        Assert.True(large.Count == 0, "Split these files: " + string.Join(", ", large.Select(l => $"{l.File} ({l.Lines})")));
    }

    [GeneratedRegex(@"DateTime(Offset)?\.(Now|UtcNow|Today)\b")]
    private static partial Regex ClockCall();
}
