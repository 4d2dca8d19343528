namespace WorkflowEngine.Engine.Calendar;

/// <summary>
/// Constant-time working-day arithmetic over the supported range. Days are addressed by offset from
/// <see cref="CalendarRange.FirstDate"/>.
/// </summary>
internal sealed class WorkingDayIndex
{
    private readonly byte[] _kinds;
    private readonly int[] _workingBefore;   // [i] = number of working days with offset < i; length DayCount + 1
    private readonly int[] _workingOffsets;  // [k] = offset of the k-th (0-based) working day

    public WorkingDayIndex(byte[] kinds)
    {
        _kinds = kinds;
        _workingBefore = new int[kinds.Length + 1];
        var offsets = new int[kinds.Length];
        var count = 0;
        for (var i = 0; i < kinds.Length; i++)
        {
            _workingBefore[i] = count;
            if (IsWorking((DayKind)kinds[i])) offsets[count++] = i;
        }
        _workingBefore[kinds.Length] = count;
        Array.Resize(ref offsets, count);
        _workingOffsets = offsets;
    }

    public static bool IsWorking(DayKind kind) => kind is DayKind.Workday or DayKind.MakeUpWorkday;

    public DayKind KindAt(int offset) => (DayKind)_kinds[offset];

    public bool IsWorkingAt(int offset) => IsWorking((DayKind)_kinds[offset]);

    /// <summary>Working days in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>], for offsets with from &lt; to.</summary>
    public int CountBetween(int fromExclusive, int toInclusive) =>
        _workingBefore[toInclusive + 1] - _workingBefore[fromExclusive + 1];

    /// <summary>The offset of the <paramref name="n"/>-th (n ≥ 1) working day strictly after <paramref name="offset"/>, or -1 past the range.</summary>
    public int NthWorkingDayAfter(int offset, int n)
    {
        var k = (long)_workingBefore[offset + 1] + n - 1;
        return k < _workingOffsets.Length ? _workingOffsets[k] : -1;
    }

    /// <summary>The offset of the first working day at or after <paramref name="offset"/>, or -1 past the range.</summary>
    public int FirstWorkingDayFrom(int offset)
    {
        var k = _workingBefore[offset];
        return k < _workingOffsets.Length ? _workingOffsets[k] : -1;
    }
}
