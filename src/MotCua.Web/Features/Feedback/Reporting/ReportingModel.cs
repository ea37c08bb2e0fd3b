using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;

namespace MotCua.Web.Features.Feedback.Reporting;

/// <summary>The reporting side's schema: the index the nearby search reads (a bounding box on latitude, then longitude).</summary>
internal static class ReportingModel
{
    public static void Configure(ModelBuilder b) =>
        b.Entity<FeedbackReport>().OwnsOne(x => x.Location, l => l.HasIndex(p => new { p.Latitude, p.Longitude }));
}
