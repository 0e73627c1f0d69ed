import Foundation
import Testing
@testable import InceptionCore

@Suite struct ImageFileTests {
    static func decode(_ text: String, binary: [UInt8] = []) throws -> GrayImage {
        try ImageFile.decode(Array(text.utf8) + binary, source: "x")
    }

    static func expectPixels(_ image: GrayImage, width: Int, height: Int, _ expected: [Float], tolerance: Float = 1e-6) {
        #expect(image.width == width && image.height == height)
        #expect(image.pixels.count == expected.count)
        for (got, want) in zip(image.pixels, expected) {
            #expect(abs(got - want) <= tolerance, "\(image.pixels) vs \(expected)")
        }
    }

    @Test func plainPGMWithComments() throws {
        let image = try Self.decode("P2\n# a comment\n3 2 # width height\n4\n0 1 2\n3 4 # end of row\n2\n")
        Self.expectPixels(image, width: 3, height: 2, [0, 0.25, 0.5, 0.75, 1, 0.5])
    }

    @Test func binaryPGM8And16Bit() throws {
        Self.expectPixels(try Self.decode("P5 2 1 255\n", binary: [51, 255]), width: 2, height: 1, [0.2, 1])
        // 16-bit samples are big-endian: 0x0100 = 256, 0x03E8 = 1000.
        Self.expectPixels(try Self.decode("P5\n2 1\n1000\n", binary: [0x01, 0x00, 0x03, 0xE8]), width: 2, height: 1, [0.256, 1])
    }

    @Test func colourBecomesBT601Luma() throws {
        // Pure red, green, blue and white at maxval 10.
        let expected: [Float] = [0.299, 0.587, 0.114, 1]
        Self.expectPixels(try Self.decode("P3 4 1 10\n10 0 0  0 10 0  0 0 10  10 10 10\n"), width: 4, height: 1, expected, tolerance: 1e-5)
        Self.expectPixels(try Self.decode("P6 4 1 10\n", binary: [10, 0, 0, 0, 10, 0, 0, 0, 10, 10, 10, 10]), width: 4, height: 1, expected, tolerance: 1e-5)
        // 16-bit colour: red at 30000 of 60000 is half red.
        Self.expectPixels(try Self.decode("P6 1 1 60000\n", binary: [0x75, 0x30, 0, 0, 0, 0]), width: 1, height: 1, [0.299 * 0.5], tolerance: 1e-5)
    }

    /// A PPM keeps its colour for a 3-channel network. The levels are Pillow 13's
    /// `Image.open(ppm).convert("RGB")` for these nine samples, plain and binary, at
    /// maxvals 255, 100, 10, 1000 and 65535: 50 of 100 is 127.5 and rounds to the even 128,
    /// 30 of 100 computes as 76.49999999999999 and rounds down to 76.
    static let ppmLevels: [(maxval: Int, samples: [Int], pillow: [UInt8])] = [
        (255, [0, 1, 85, 127, 254, 255, 7, 36, 170], [0, 1, 85, 127, 254, 255, 7, 36, 170]),
        (100, [0, 1, 33, 50, 99, 100, 7, 14, 66], [0, 3, 84, 128, 252, 255, 18, 36, 168]),
        (100, [0, 30, 50, 70, 99, 100, 1, 15, 85], [0, 76, 128, 178, 252, 255, 3, 38, 217]),
        (10, [0, 1, 2, 3, 4, 5, 6, 7, 10], [0, 26, 51, 76, 102, 128, 153, 178, 255]),
        (1000, [0, 1, 333, 500, 999, 1000, 7, 142, 666], [0, 0, 85, 128, 255, 255, 2, 36, 170]),
        (65535, [0, 1, 21845, 32767, 65534, 65535, 7, 9362, 43690], [0, 0, 85, 127, 255, 255, 0, 36, 170]),
    ]

    @Test(arguments: ppmLevels.indices)
    func colourPPMStaysColourAsRGB(_ index: Int) throws {
        let (maxval, samples, pillow) = Self.ppmLevels[index]
        let header = "3 1 \(maxval)\n"
        let raster = maxval > 255 ? samples.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } : samples.map { UInt8($0) }
        let plain = try ImageFile.decodeRGB(Array(("P3 " + header + samples.map(String.init).joined(separator: " ")).utf8), source: "x")
        let binary = try ImageFile.decodeRGB(Array(("P6 " + header).utf8) + raster, source: "x")
        #expect(plain == RGBImage(width: 3, height: 1, bytes: pillow))
        #expect(binary == plain)
        // A PGM's grey is repeated over the three channels, by the same rounding.
        let grey = try ImageFile.decodeRGB(Array("P2 9 1 \(maxval)\n\(samples.map(String.init).joined(separator: " "))".utf8), source: "x")
        #expect(grey == RGBImage(width: 9, height: 1, bytes: pillow.flatMap { [$0, $0, $0] }))
    }

    /// The pixel values written by Fixtures/images/make-fixtures.py; transparency is
    /// composed over black, so gray 200 at alpha 0 reads 0 and white at alpha 51 reads 0.2.
    static let pngCases: [(name: String, width: Int, height: Int, pixels: [Float])] = [
        ("gray8.png", 2, 2, [0, 0.2, 0.4, 1]),
        ("gray16.png", 3, 1, [0, 100.0 / 255, 1]),
        ("gray-alpha.png", 2, 1, [200.0 / 255, 0]),
        ("rgb.png", 3, 1, [0.299, 0.114, (0.299 * 10 + 0.587 * 20 + 0.114 * 30) / 255]),
        ("rgba.png", 2, 1, [0.2, 0.587]),
        ("palette.png", 2, 2, [0, 1, 0.587, 1]),
    ]

    @Test(arguments: pngCases.indices)
    func pngFormats(_ index: Int) throws {
        let (name, width, height, expected) = Self.pngCases[index]
        let image = try ImageFile.load(path: DataFixtures.path("images/" + name))
        Self.expectPixels(image, width: width, height: height, expected, tolerance: 1e-5)
    }

    static let badNetpbm: [(String, [UInt8], String)] = [
        ("wrong magic", Array("P7 1 1 255\n\0".utf8), "not an image"),
        ("not an image", Array("hello world".utf8), "not an image"),
        ("empty", [], "empty file"),
        ("zero width", Array("P5 0 4 255\n".utf8), "zero size (0x4)"),
        ("huge", Array("P5 9000 2 255\n".utf8), "too large (9000x2"),
        ("maxval 0", Array("P5 1 1 0\n\0".utf8), "bad maxval 0"),
        ("maxval 70000", Array("P2 1 1 70000\n5\n".utf8), "bad maxval 70000"),
        ("header cut", Array("P5 4".utf8), "truncated header: no height"),
        ("raster cut", Array("P5 2 2 255\n".utf8) + [1, 2, 3], "truncated: 3 of 4 bytes"),
        ("16-bit cut", Array("P5 1 1 1000\n".utf8) + [1], "truncated: 1 of 2 bytes"),
        ("plain cut", Array("P2 2 2 9\n1 2 3".utf8), "truncated: 3 of 4 pixel values"),
        ("garbage", Array("P2 1 1 9\nx".utf8), "bad pixel value"),
        ("above maxval", Array("P2 1 1 9\n12".utf8), "pixel value 12 exceeds maxval 9"),
        ("width text", Array("P5 w 1 255\n".utf8), "bad width"),
        ("png cut", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "bad PNG"),
        // A 20-byte header promising 8192x8192x3 16-bit samples: refused before 1.6 GB is allocated.
        ("promises more than it holds", Array("P6 8192 8192 65535\n".utf8), "truncated: 1 bytes after the header cannot hold 201326592 pixel values"),
    ]

    @Test(arguments: badNetpbm.indices)
    func badBytesAreNamedUserErrors(_ index: Int) {
        let (label, bytes, problem) = Self.badNetpbm[index]
        Self.expectUserError(label, problem) { _ = try ImageFile.decode(bytes, source: "in.pgm") }
    }

    @Test(arguments: [
        ("truncated.png", "bad PNG"), ("zero-size.png", "bad PNG"), ("too-wide.png", "too large (10000x1"),
    ])
    func badPNGFilesAreNamedUserErrors(_ name: String, _ problem: String) {
        Self.expectUserError(name, problem) { _ = try ImageFile.load(path: DataFixtures.path("images/" + name)) }
    }

    @Test func missingFileAndDirectory() throws {
        Self.expectUserError("missing", "/nonexistent.pgm: no such file") { _ = try ImageFile.load(path: "/nonexistent.pgm") }
        let directory = try DataFixtures.scratchDirectory()
        Self.expectUserError("directory", "is a directory") { _ = try ImageFile.load(path: directory) }
        // A device is refused before it is read: /dev/zero would never end.
        Self.expectUserError("device", "/dev/zero: not a regular file (a device or a pipe), not an image") { _ = try ImageFile.load(path: "/dev/zero") }
        #expect(throws: UserError("\(directory): is a directory, not a weights file")) { try SafeTensors.read(path: directory) }
        // Other reasons than a missing file are named as the system names them.
        try FileManager.default.createSymbolicLink(atPath: directory + "/l1", withDestinationPath: "l2")
        try FileManager.default.createSymbolicLink(atPath: directory + "/l2", withDestinationPath: "l1")
        Self.expectUserError("loop", "l1: Too many levels of symbolic links") { _ = try ImageFile.load(path: directory + "/l1") }
    }

    static func expectUserError(_ label: String, _ problem: String, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("\(label): accepted")
        } catch let error as UserError {
            #expect(error.message.contains(problem), "\(label): \(error.message)")
            #expect(!error.message.contains("\n"))
        } catch {
            Issue.record("\(label): not a UserError: \(error)")
        }
    }

    /// The writer's bytes, worked out from the P5 format; reading them back gives the
    /// values rounded to 1/255.
    @Test func pgmWriterLayoutAndRoundTrip() throws {
        let image = GrayImage(width: 3, height: 1, pixels: [0, 0.5, 1.5])
        let bytes = [UInt8](PGMWriter.encode(image))
        #expect(bytes == Array("P5\n3 1\n255\n".utf8) + [0, 128, 255])
        let path = try DataFixtures.scratchDirectory() + "/out.pgm"
        try PGMWriter.write(image, to: path)
        Self.expectPixels(try ImageFile.load(path: path), width: 3, height: 1, [0, 128.0 / 255, 1])
    }

    @Test func featureMapsAreStretchedToTheUnitRange() {
        #expect(GrayImage(stretching: [2, 4, 3, -2], width: 2, height: 2).pixels == [4.0 / 6, 1, 5.0 / 6, 0])
        #expect(GrayImage(stretching: [3, 3], width: 2, height: 1).pixels == [0, 0])
    }
}
