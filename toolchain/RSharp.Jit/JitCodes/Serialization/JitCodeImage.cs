using System.Reflection;
using System.Runtime.Loader;

namespace RSharp.Jit.JitCodes.Serialization;

/// <summary>
/// The jitcodes of a translated interpreter as the runtime sees them: every jitcode by method
/// name, the roots (portals), and the methods the codewriter left residual with the reason.
/// <c>rsharp translate</c> embeds one as the managed resource <see cref="ResourceName"/> of the
/// assembly holding the portal; <see cref="Load(Assembly)"/> finds it.
/// </summary>
public sealed class JitCodeImage
{
    /// <summary>The name of the managed resource holding the serialized jitcodes.</summary>
    public const string ResourceName = "RSharp.JitCodes";

    /// <summary>Creates an image (the codewriter's result, or what the reader loaded).</summary>
    public JitCodeImage(IReadOnlyDictionary<string, JitCode> jitCodes, IReadOnlyList<string> roots,
        IReadOnlyDictionary<string, string>? residual = null)
    {
        _jitCodes = jitCodes;
        _roots = roots;
        _residual = residual ?? new Dictionary<string, string>();
        _contents = new Lazy<JitCodeImage>(() => this);
        _ = _contents.Value;
    }

    /// <summary>An image decoded on first use (the header is already checked).</summary>
    private JitCodeImage(Func<JitCodeImage> decode) => _contents = new Lazy<JitCodeImage>(decode);

    private readonly Lazy<JitCodeImage> _contents;
    private readonly IReadOnlyDictionary<string, JitCode>? _jitCodes;
    private readonly IReadOnlyList<string>? _roots;
    private readonly IReadOnlyDictionary<string, string>? _residual;

    /// <summary>True once the jitcodes are decoded (an embedded image is decoded on first use).</summary>
    public bool IsDecoded => _contents.IsValueCreated;

    /// <summary>Jitcodes by method full name (as the codewriter names them).</summary>
    /// <exception cref="JitCodeFormatException">Decoding an embedded image on first use failed.</exception>
    public IReadOnlyDictionary<string, JitCode> JitCodes => _contents.Value._jitCodes!;
    /// <summary>Full names of the roots (portals).</summary>
    public IReadOnlyList<string> Roots => _contents.Value._roots!;
    /// <summary>Methods called residually, with the reason.</summary>
    public IReadOnlyDictionary<string, string> Residual => _contents.Value._residual!;

    /// <summary>The jitcode of the method whose full name is or contains <paramref name="fragment"/>.</summary>
    public JitCode Get(string fragment) =>
        JitCodes.TryGetValue(fragment, out var j) ? j
        : JitCodes.Where(kv => kv.Key.Contains(fragment, StringComparison.Ordinal)).Select(kv => kv.Value).SingleOrDefault()
          ?? throw new KeyNotFoundException("no single jitcode matches " + fragment);

    /// <summary>Serializes the image (see <see cref="JitCodeWriter.Write"/>).</summary>
    public byte[] ToBytes() => JitCodeWriter.Write(this);

    /// <summary>
    /// Reads an image. Reflection members are resolved by assembly simple name among the
    /// assemblies of <paramref name="context"/> (the default context when null), then the
    /// process, then by loading into that context.
    /// </summary>
    /// <exception cref="JitCodeFormatException">Not an image, another version or instruction set, truncated, corrupt, or referring to members that are missing or changed.</exception>
    public static JitCodeImage Read(byte[] data, AssemblyLoadContext? context = null) =>
        JitCodeReader.Read(data, new MemberResolver(context ?? AssemblyLoadContext.Default, null));

    /// <summary>
    /// The image embedded in <paramref name="assembly"/> by <c>rsharp translate</c>, or null if it has
    /// none. Members resolve against <paramref name="assembly"/> and its load context first. Only the
    /// header and checksum are checked here; the jitcodes are decoded on first use (most runs of an
    /// interpreter never get hot, and resolving the reflection members is the expensive part).
    /// </summary>
    /// <exception cref="JitCodeFormatException">The resource is there but is not a valid image for this runtime.</exception>
    public static JitCodeImage? Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(ResourceName);
        if (stream is null) return null;
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        JitCodeReader.CheckHeader(data);
        var context = AssemblyLoadContext.GetLoadContext(assembly) ?? AssemblyLoadContext.Default;
        return new JitCodeImage(() => JitCodeReader.Read(data, new MemberResolver(context, assembly)));
    }
}
