using System.Xml.Linq;

namespace RSharp.Hints.Tests;

/// <summary>
/// Language authors learn the hints from their XML doc comments: every hint the API promises
/// exists, and its comment names its RPython counterpart. Read from the documentation file the
/// build writes next to RSharp.Hints.dll.
/// </summary>
public class HintDocTests
{
    private static readonly Dictionary<string, XElement> Members =
        XDocument.Load(Path.ChangeExtension(typeof(JitDriver).Assembly.Location, ".xml"))
            .Descendants("member").ToDictionary(m => (string)m.Attribute("name")!);

    /// <summary>The text of a member's comment, following <c>inheritdoc cref</c> to the comment it reuses.</summary>
    private static string Doc(string id) =>
        Members[id].Element("inheritdoc")?.Attribute("cref") is { } cref ? Doc(cref.Value) : Members[id].Value;

    /// <summary>Documentation-id prefixes of the hints: driver, markers, attributes, intrinsics, parameters.</summary>
    private static readonly string[] Hints =
    [
        "T:RSharp.Hints.JitDriver", "M:RSharp.Hints.JitDriver.#ctor", "P:RSharp.Hints.JitDriver.PrintableLocation",
        "M:RSharp.Hints.JitDriver.JitMergePoint``", "M:RSharp.Hints.JitDriver.CanEnterJit``", "M:RSharp.Hints.JitDriver.SetParam",
        "T:RSharp.Hints.ElidableAttribute", "T:RSharp.Hints.DontLookInsideAttribute", "T:RSharp.Hints.UnrollSafeAttribute",
        "T:RSharp.Hints.LookInsideIffAttribute", "T:RSharp.Hints.LoopInvariantAttribute", "T:RSharp.Hints.ImmutableAttribute",
        "T:RSharp.Hints.QuasiImmutableAttribute", "T:RSharp.Hints.VirtualizableAttribute",
        "M:RSharp.Hints.Jit.Promote(System.Int32)", "M:RSharp.Hints.Jit.Promote``1", "M:RSharp.Hints.Jit.PromoteString",
        "M:RSharp.Hints.Jit.WeAreJitted", "M:RSharp.Hints.Jit.IsConstant", "M:RSharp.Hints.Jit.IsVirtual",
        "M:RSharp.Hints.Jit.RecordExactClass", "M:RSharp.Hints.Jit.RecordKnownResult", "M:RSharp.Hints.Jit.ConditionalCall",
        "M:RSharp.Hints.Jit.AssertGreen", "M:RSharp.Hints.Jit.SetParam", "M:RSharp.Hints.Jit.SetParams",
        "T:RSharp.Hints.JitParameters", "M:RSharp.Hints.JitParameters.Set(", "M:RSharp.Hints.JitParameters.Apply(",
    ];

    [TestCaseSource(nameof(Hints))]
    public void HintExistsAndNamesItsRPythonCounterpart(string prefix)
    {
        var ids = Members.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.That(ids, Is.Not.Empty, $"no documented member {prefix}");
        foreach (var id in ids)
            Assert.That(Doc(id), Does.Contain("RPython: "), id);
    }

    /// <summary>No intrinsic or attribute escapes the list above undocumented.</summary>
    [Test]
    public void EveryIntrinsicAndAttributeNamesItsRPythonCounterpart()
    {
        var ids = Members.Keys.Where(k => k.StartsWith("M:RSharp.Hints.Jit.", StringComparison.Ordinal)
            || (k.StartsWith("T:RSharp.Hints.", StringComparison.Ordinal) && k.EndsWith("Attribute", StringComparison.Ordinal))).ToList();
        int intrinsics = typeof(Jit).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly).Length;
        Assert.That(ids.Count(k => k.StartsWith("M:", StringComparison.Ordinal)), Is.EqualTo(intrinsics));
        Assert.That(ids.Count(k => k.StartsWith("T:", StringComparison.Ordinal)), Is.EqualTo(8));
        foreach (var id in ids)
            Assert.That(Doc(id), Does.Contain("RPython: "), id);
    }

    /// <summary>The JIT parameters PyPy's <c>--jit</c> accepts are all settable by name.</summary>
    [Test]
    public void EveryRPythonParameterIsSettable()
    {
        string[] rpython = ["threshold", "function_threshold", "trace_eagerness", "trace_limit", "inlining", "loop_longevity",
            "retrace_limit", "max_unroll_loops", "enable_opts", "off"];
        Assert.That(JitParameters.Names, Is.SupersetOf(rpython));
    }
}
