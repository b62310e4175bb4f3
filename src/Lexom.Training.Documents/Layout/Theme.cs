namespace Lexom.Training.Documents.Layout;

/// <summary>Colours (ARGB) and text styles shared by every document.</summary>
internal static class Theme
{
    public const uint Navy = 0xFF1F3A5F;
    public const uint Accent = 0xFFD9731A;
    public const uint Ink = 0xFF222222;
    public const uint Muted = 0xFF5F6770;
    public const uint Rule = 0xFFC5CDD8;
    public const uint Fill = 0xFFEEF2F7;
    public const uint Zebra = 0xFFF7F9FB;
    public const uint Warning = 0xFFC01B1B;
    public const uint White = 0xFFFFFFFF;

    public static readonly TextStyle Body = new(9, false, Ink);
    public static readonly TextStyle BodyBold = Body.WithBold();
    public static readonly TextStyle Small = new(7.5, false, Muted);
    public static readonly TextStyle SmallInk = new(7.5, false, Ink);
    public static readonly TextStyle Legal = new(7.8, false, Ink);
    public static readonly TextStyle H1 = new(15, true, Navy);
    public static readonly TextStyle H2 = new(11, true, Navy);
    public static readonly TextStyle H3 = new(9.5, true, Ink);
}
