using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClaimDesk.Core.Data;

/// <summary>Every timestamp is UTC; SQLite does not keep DateTime.Kind, so it is restored on the way out (JSON then ends in Z).</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
