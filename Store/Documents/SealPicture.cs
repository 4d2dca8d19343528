using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace WorkflowEngine.Store.Documents;

/// <summary>The agency's seal image (PNG or JPEG) as stored in its settings.</summary>
public sealed record SealImage(byte[] Content, string ContentType);

/// <summary>
/// The seal as an inline picture of a Word run: the image becomes a part of the document part that holds the paragraph,
/// 4.2 cm wide (the common diameter of an agency's round seal) and as high as the image's proportions make it.
/// </summary>
public static class SealPicture
{
    public const long WidthEmu = 42 * 36_000; // 4.2 cm; 1 cm = 360 000 EMU
    private static uint _ids;

    public static Run Create(OpenXmlPart owner, SealImage seal)
    {
        var image = owner switch
        {
            MainDocumentPart main => main.AddImagePart(seal.ContentType),
            HeaderPart header => header.AddImagePart(seal.ContentType),
            FooterPart footer => footer.AddImagePart(seal.ContentType),
            _ => throw new ArgumentException("A seal can be placed only in the body, a header or a footer.", nameof(owner)),
        };
        using (var stream = new MemoryStream(seal.Content, writable: false)) image.FeedData(stream);
        var relationship = owner.GetIdOfPart(image);
        var (width, height) = PixelSize(seal.Content) is var (w, h) && w > 0 && h > 0 ? (w, h) : (1, 1);
        var cx = WidthEmu;
        var cy = WidthEmu * height / width;
        var id = Interlocked.Increment(ref _ids) % 100_000 + 1000;
        var picture = new PIC.Picture(
            new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = "印章" }, new PIC.NonVisualPictureDrawingProperties()),
            new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
            new PIC.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = "印章", Description = "机关印章" },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        };
        return new Run(new Drawing(inline));
    }

    /// <summary>The pixel size from a PNG's IHDR or a JPEG's start-of-frame marker; null when neither is found.</summary>
    public static (long Width, long Height)? PixelSize(byte[] image)
    {
        if (image.Length >= 24 && image[0] == 0x89 && image[1] == 0x50 && image[2] == 0x4E && image[3] == 0x47)
            return (BigEndian(image, 16, 4), BigEndian(image, 20, 4));
        if (image.Length < 4 || image[0] != 0xFF || image[1] != 0xD8) return null;
        var i = 2;
        while (i + 9 < image.Length)
        {
            if (image[i] != 0xFF) return null;
            var marker = image[i + 1];
            var length = (int)BigEndian(image, i + 2, 2);
            // SOF0…SOF15 carry the frame's size, except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return (BigEndian(image, i + 7, 2), BigEndian(image, i + 5, 2));
            i += 2 + length;
        }
        return null;
    }

    private static long BigEndian(byte[] bytes, int offset, int count)
    {
        long value = 0;
        for (var k = 0; k < count; k++) value = (value << 8) | bytes[offset + k];
        return value;
    }
}
