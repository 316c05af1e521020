using Ingest.Domain.Parsing;

namespace Ingest.Domain.Tests;

public sealed class NewsDatesTests
{
    [Theory]
    [InlineData("Mon, 03 Mar 2025 08:30:00 GMT", "2025-03-03T08:30:00+00:00")]
    [InlineData("Mon, 3 Mar 2025 08:30:00 +0000", "2025-03-03T08:30:00+00:00")]
    [InlineData("3 Mar 2025 08:30:00 +0100", "2025-03-03T08:30:00+01:00")]
    [InlineData("Mon, 03 Mar 2025 08:30 EST", "2025-03-03T08:30:00-05:00")]
    [InlineData("Mon, 03 Mar 25 08:30:00 PDT", "2025-03-03T08:30:00-07:00")]
    [InlineData("Monday, 03 March 2025 08:30:00 UT", "2025-03-03T08:30:00+00:00")]
    [InlineData("Mon, 03 Mar 2025 08:30:00 Z", "2025-03-03T08:30:00+00:00")]
    [InlineData("2025-03-03T08:30:00Z", "2025-03-03T08:30:00+00:00")]
    [InlineData("2025-03-03T08:30:00.123Z", "2025-03-03T08:30:00.123+00:00")]
    [InlineData("2025-03-03T08:30:00+02:00", "2025-03-03T08:30:00+02:00")]
    [InlineData("2025-03-03T08:30:00-0500", "2025-03-03T08:30:00-05:00")]
    [InlineData("2025-03-03T08:30Z", "2025-03-03T08:30:00+00:00")]
    [InlineData("2025-03-03 08:30:00", "2025-03-03T08:30:00+00:00")]
    [InlineData("2025-03-03", "2025-03-03T00:00:00+00:00")]
    [InlineData("20250303T083000Z", "2025-03-03T08:30:00+00:00")]
    [InlineData("March 3, 2025 08:30 GMT", "2025-03-03T08:30:00+00:00")]
    public void TryParse_CommonNewsFormats_ReadsTheStatedTime(string value, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), NewsDates.TryParse(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("08:30")]
    [InlineData("Mon, 32 Mar 2025 08:30:00 GMT")]
    [InlineData("2025-13-03")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("not a date at all, 2025")]
    public void TryParse_NoClearDate_IsNull(string? value)
    {
        Assert.Null(NewsDates.TryParse(value));
    }

    [Theory]
    [InlineData(1741000000L)]
    [InlineData(1741000000000L)]
    public void FromUnix_SecondsOrMilliseconds_AreTheSameTime(long value)
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1741000000), NewsDates.FromUnix(value));
    }
}
