using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;

namespace MotCua.Domain.Tests.Calendar;

public class DeadlineTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;

    /// <summary>A Vietnam wall-clock time.</summary>
    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    // Monday 9 March 2026 is an ordinary working week.
    private static DateTimeOffset Monday(int hour, int minute = 0) => At(2026, 3, 9, hour, minute);

    private static DateTimeOffset Tuesday(int hour, int minute = 0) => At(2026, 3, 10, hour, minute);

    [Theory]
    [InlineData(9, 0, 9, 0)]
    [InlineData(11, 30, 11, 30)]
    [InlineData(14, 0, 14, 0)]
    public void One_working_day_from_a_moment_in_working_time_is_the_same_time_next_day(int hour, int minute, int dueHour, int dueMinute)
    {
        var result = Calendar.DueDate(Monday(hour, minute), 1, TimeUnit.WorkingDays);

        Assert.Equal(Monday(hour, minute), result.CountsFrom);
        Assert.Equal(Tuesday(dueHour, dueMinute), result.DueAt);
    }

    [Fact]
    public void Received_at_lunch_counts_from_the_afternoon()
    {
        var result = Calendar.DueDate(Monday(12, 30), 1, TimeUnit.WorkingDays);

        Assert.Equal(Monday(13), result.CountsFrom);
        // Monday 13:00–17:00 and Tuesday 08:00–12:00 make the day; it ends at the end of the morning.
        Assert.Equal(Tuesday(12), result.DueAt);
    }

    [Fact]
    public void Received_before_opening_counts_from_opening()
    {
        Assert.Equal(Monday(8), Calendar.DueDate(Monday(6, 45), 1, TimeUnit.WorkingDays).CountsFrom);
    }

    [Fact]
    public void Received_at_the_cut_off_counts_the_same_day()
    {
        var result = Calendar.DueDate(Monday(15), 1, TimeUnit.WorkingDays);

        Assert.Equal(Monday(15), result.CountsFrom);
        Assert.Equal(Tuesday(15), result.DueAt);
    }

    [Fact]
    public void Received_after_the_cut_off_counts_from_next_morning()
    {
        var result = Calendar.DueDate(Monday(15, 1), 1, TimeUnit.WorkingDays);

        Assert.Equal(Tuesday(8), result.CountsFrom);
        // A full day from 08:00 ends at 17:00 the same day, not at 08:00 the day after.
        Assert.Equal(Tuesday(17), result.DueAt);
    }

    [Fact]
    public void A_cut_off_can_be_turned_off()
    {
        var noCutOff = new WorkingCalendar(HolidayRules.Default, WorkingHours.Default with { CutOff = null });

        Assert.Equal(Monday(16), noCutOff.DueDate(Monday(16), 1, TimeUnit.WorkingDays).CountsFrom);
        Assert.Equal(Tuesday(8), noCutOff.DueDate(Monday(17), 1, TimeUnit.WorkingDays).CountsFrom);
    }

    [Fact]
    public void Friday_afternoon_runs_into_Monday()
    {
        var friday = At(2026, 3, 13, 14);

        Assert.Equal(At(2026, 3, 16, 14), Calendar.DueDate(friday, 1, TimeUnit.WorkingDays).DueAt);
        var late = Calendar.DueDate(At(2026, 3, 13, 16), 1, TimeUnit.WorkingDays);
        Assert.Equal(At(2026, 3, 16, 8), late.CountsFrom);
        Assert.Equal(At(2026, 3, 16, 17), late.DueAt);
    }

    [Fact]
    public void Received_on_Sunday_counts_from_Monday_morning()
    {
        Assert.Equal(Monday(8), Calendar.DueDate(At(2026, 3, 8, 10), 3, TimeUnit.WorkingDays).CountsFrom);
    }

    [Fact]
    public void Tet_2026_is_skipped()
    {
        for (var day = new DateOnly(2026, 2, 16); day <= new DateOnly(2026, 2, 20); day = day.AddDays(1))
        {
            Assert.False(Calendar.IsWorkingDay(day));
        }

        var result = Calendar.DueDate(At(2026, 2, 13, 10), 1, TimeUnit.WorkingDays);
        Assert.Equal(At(2026, 2, 23, 10), result.DueAt);
    }

    [Fact]
    public void Compensatory_days_of_2022_are_skipped()
    {
        // Friday 29 April 2022; Saturday 30/4 and Sunday 1/5 are made up on Monday 2 and Tuesday 3 May.
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2022, 5, 2)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2022, 5, 3)));
        Assert.Equal(At(2022, 5, 4, 9), Calendar.DueDate(At(2022, 4, 29, 9), 1, TimeUnit.WorkingDays).DueAt);
    }

    [Theory]
    [InlineData(8, 0, 12, 0)] // half a day from opening ends at noon, not 13:00
    [InlineData(10, 0, 15, 0)]
    public void Half_a_working_day_is_four_hours(int hour, int minute, int dueHour, int dueMinute)
    {
        Assert.Equal(Monday(dueHour, dueMinute), Calendar.DueDate(Monday(hour, minute), 0.5m, TimeUnit.WorkingDays).DueAt);
    }

    [Fact]
    public void Working_hours_skip_lunch_and_nights()
    {
        Assert.Equal(Monday(14), Calendar.DueDate(Monday(10), 3, TimeUnit.WorkingHours).DueAt);
        Assert.Equal(Tuesday(10), Calendar.DueDate(Monday(14), 5, TimeUnit.WorkingHours).DueAt);
    }

    [Fact]
    public void Zero_time_is_due_when_it_counts_from()
    {
        var result = Calendar.DueDate(Monday(12, 30), 0, TimeUnit.WorkingDays);

        Assert.Equal(result.CountsFrom, result.DueAt);
    }

    [Fact]
    public void Input_in_another_offset_is_read_as_Vietnam_time_and_answered_in_it()
    {
        var utc = new DateTimeOffset(2026, 3, 9, 2, 0, 0, TimeSpan.Zero); // 09:00 in Hanoi

        var result = Calendar.DueDate(utc, 1, TimeUnit.WorkingDays);

        Assert.Equal(Monday(9), result.ReceivedAt);
        Assert.Equal(TimeSpan.FromHours(7), result.ReceivedAt.Offset);
        Assert.Equal(TimeSpan.FromHours(7), result.DueAt.Offset);
        Assert.Equal(Tuesday(9), result.DueAt);
        // 08:30 UTC is 15:30 in Hanoi: past the cut-off, though it is morning in UTC.
        Assert.Equal(Tuesday(8), Calendar.DueDate(new DateTimeOffset(2026, 3, 9, 8, 30, 0, TimeSpan.Zero), 1, TimeUnit.WorkingDays).CountsFrom);
    }

    [Fact]
    public void Long_deadlines_count_whole_days_over_years()
    {
        // 2,000 working days from Monday 9 March 2026 at 09:00 land on the same hour of a working day.
        var due = Calendar.DueDate(Monday(9), 2000, TimeUnit.WorkingDays).DueAt;

        Assert.Equal(new TimeSpan(9, 0, 0), due.TimeOfDay);
        Assert.Equal(2000m * 480, Calendar.WorkingMinutesBetween(Monday(9), due));
    }

    [Fact]
    public void Long_deadlines_are_fast()
    {
        Calendar.DueDate(Monday(9), 2000, TimeUnit.WorkingDays); // fills the per-year caches
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            Calendar.DueDate(Monday(9), 2000, TimeUnit.WorkingDays);
        }

        // About 0.1 ms each here; the bound is loose so a busy test machine does not fail it.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"1,000 deadlines of 2,000 days took {clock.Elapsed}.");
    }

    [Fact]
    public void Negative_time_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.DueDate(Monday(9), -1, TimeUnit.WorkingDays));
    }
}
