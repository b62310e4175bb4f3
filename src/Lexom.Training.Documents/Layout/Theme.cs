using PdfSharp.Drawing;

namespace Lexom.Training.Documents.Layout;

/// <summary>Colours and text styles shared by every document.</summary>
internal static class Theme
{
    public static readonly XColor Navy = XColor.FromArgb(0x1F, 0x3A, 0x5F);
    public static readonly XColor Accent = XColor.FromArgb(0xD9, 0x73, 0x1A);
    public static readonly XColor Ink = XColor.FromArgb(0x22, 0x22, 0x22);
    public static readonly XColor Muted = XColor.FromArgb(0x5F, 0x67, 0x70);
    public static readonly XColor Rule = XColor.FromArgb(0xC5, 0xCD, 0xD8);
    public static readonly XColor Fill = XColor.FromArgb(0xEE, 0xF2, 0xF7);
    public static readonly XColor Zebra = XColor.FromArgb(0xF7, 0xF9, 0xFB);
    public static readonly XColor Warning = XColor.FromArgb(0xC0, 0x1B, 0x1B);
    public static readonly XColor White = XColor.FromArgb(0xFF, 0xFF, 0xFF);

    public static readonly TextStyle Body = new(9, false, Ink);
    public static readonly TextStyle BodyBold = Body.WithBold();
    public static readonly TextStyle Small = new(7.5, false, Muted);
    public static readonly TextStyle SmallInk = new(7.5, false, Ink);
    public static readonly TextStyle Legal = new(7.8, false, Ink);
    public static readonly TextStyle H1 = new(15, true, Navy);
    public static readonly TextStyle H2 = new(11, true, Navy);
    public static readonly TextStyle H3 = new(9.5, true, Ink);
}
