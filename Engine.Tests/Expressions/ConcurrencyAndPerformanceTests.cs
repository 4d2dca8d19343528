using System.Diagnostics;
using WorkflowEngine.Engine.Expressions;
using static WorkflowEngine.Tests.Expressions.ExpressionTestHelper;

namespace WorkflowEngine.Tests.Expressions;

public class ConcurrencyAndPerformanceTests
{
    [Test]
    public void A_shared_expression_evaluates_correctly_on_many_threads()
    {
        var expression = Parse("amount * 2 + sum(items) + len(name)");
        var list = Value.List(Enumerable.Range(1, 6_000).Select(i => Value.Number(1)));
        const int threads = 8;
        const int iterations = 2_000;
        var failures = 0;

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            for (var i = 0; i < iterations; i++)
            {
                var amount = thread * 100_000 + i;
                var data = new Dictionary<string, Value>
                {
                    ["amount"] = Value.Number(amount),
                    ["items"] = list,
                    ["name"] = Value.String(new string('x', thread)),
                };
                // sum over 6,000 items uses most of one evaluation's budget: a budget shared between threads would fail.
                var expected = Value.Number(amount * 2m + 6_000 + thread);
                if (expression.Evaluate(data) != expected) Interlocked.Increment(ref failures);
            }
        });

        failures.Should().Be(0);
    }

    [TestCase("amount > 30000 and kind == '承诺件'")]
    [TestCase("kind in ['承诺件', '即办件'] and len(name) <= 4 and applicant?.level != null")]
    [TestCase("not (coalesce(amount, 0) * 0.5 >= 100.25 or days(start, '2024-03-01') > 10)")]
    public void Simple_conditions_evaluate_without_allocating(string source)
    {
        var expression = Parse(source);
        var data = Data("{ amount: 50000, kind: '承诺件', name: '张三', applicant: { level: '处级' }, start: '2024-02-01' }");
        for (var i = 0; i < 100; i++) expression.EvaluateCondition(data);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++) expression.EvaluateCondition(data);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0);
    }

    [Test]
    public void Simple_conditions_are_fast()
    {
        var expression = Parse("amount > 30000 and kind == '承诺件'");
        var data = Data("{ amount: 50000, kind: '承诺件' }");
        for (var i = 0; i < 1_000; i++) expression.EvaluateCondition(data);

        const int iterations = 200_000;
        var stopwatch = Stopwatch.StartNew();
        var trueCount = 0;
        for (var i = 0; i < iterations; i++)
            if (expression.EvaluateCondition(data)) trueCount++;
        stopwatch.Stop();

        trueCount.Should().Be(iterations);
        // A generous bound (5 µs per evaluation, even in Debug builds) so that it only fails on a real regression.
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
        TestContext.Out.WriteLine($"{stopwatch.Elapsed.TotalNanoseconds / iterations:F0} ns per evaluation");
    }
}
