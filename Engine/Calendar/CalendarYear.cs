namespace WorkflowEngine.Engine.Calendar;

/// <summary>A run of days off, both ends included.</summary>
public sealed record Holiday(string Name, DateOnly First, DateOnly Last)
{
    public bool Contains(DateOnly date) => First <= date && date <= Last;
}

/// <summary>One year's holiday arrangement as published by the State Council: days off and make-up working days (调休上班).</summary>
public sealed record CalendarYear(int Year, string Source, IReadOnlyList<Holiday> Holidays, IReadOnlyList<DateOnly> MakeUpWorkdays);
