using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MotCua.Web.Infrastructure.Persistence;

/// <summary>Stores an instant in UTC (PostgreSQL's timestamptz accepts only offset zero); reads it back in UTC.</summary>
public sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v.ToUniversalTime());

/// <summary>Stores an instant as UTC ticks, for SQLite.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
