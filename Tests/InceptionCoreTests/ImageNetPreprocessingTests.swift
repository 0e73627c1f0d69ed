import Foundation
import Testing
@testable import InceptionCore

/// The shipped photos prepared as torchvision prepares them (fixture tensors written by
/// googlenet_reference.py preprocess), and JPEG decoding's failure modes.
@Suite struct ImageNetPreprocessingTests {
    static func expectMatches(photo: String, fixture: String) throws {
        let ours = try ImageNetPreprocessing.tensor(try ImageFile.loadRGB(path: PackageDirectory.path("Photos/" + photo)))
        let theirs = try #require(SafeTensors.read(path: DataFixtures.path("googlenet/" + fixture))["input"])
        #expect(ours.shape == theirs.shape)
        let diffs = zip(ours.data, theirs.data).map { abs($0 - $1) }
        let mean = diffs.reduce(0, +) / Float(diffs.count)
        #expect(mean <= 0.005, "\(photo): mean absolute difference \(mean)")
        #expect(diffs.max()! <= 0.05, "\(photo): largest difference \(diffs.max()!)")
        // The issue's tolerance above; the integer arithmetic follows Pillow's, so the
        // tensors agree to float rounding (about 5e-7), which protects the "bit for bit" claim.
        #expect(diffs.max()! <= 1e-5, "\(photo): largest difference \(diffs.max()!)")
    }

    /// An 8192x1 strip would be resized to 2,097,152x256 before the crop: refused in one line.
    @Test func elongatedImagesAreRefused() throws {
        let strip = RGBImage(width: 17, height: 1, bytes: [UInt8](repeating: 9, count: 17 * 3))
        #expect(throws: UserError("a 17x1 image is too elongated for ImageNet's preprocessing (sides at most 16:1)")) {
            try ImageNetPreprocessing.tensor(strip)
        }
        let limit = RGBImage(width: 16, height: 1, bytes: [UInt8](repeating: 9, count: 16 * 3))
        #expect(try ImageNetPreprocessing.tensor(limit).shape == [1, 3, 224, 224])
    }

    @Test func catPNGMatchesTorchvision() throws {
        try Self.expectMatches(photo: "chelsea.png", fixture: "chelsea-input.safetensors")
    }

    @Test func rocketJPEGMatchesTorchvision() throws {
        try Self.expectMatches(photo: "rocket.jpg", fixture: "rocket-input.safetensors")
    }

    /// Pillow's weights for 4 -> 2 (scale 2, support 2), by hand: output 0 is centred at
    /// input 1.0 and takes inputs 0..<3 with triangle heights 0.75, 0.75, 0.25, that is
    /// 3/7, 3/7, 1/7 after normalising; 2^22 * 3/7 = 1797558.86 and 2^22 / 7 = 599186.29.
    @Test func downscaleWeightsAreNormalisedTriangles() {
        let taps = ImageNetPreprocessing.coefficients(inSize: 4, outSize: 2)
        #expect(taps[0].start == 0 && taps[0].weights == [1_797_559, 1_797_559, 599_186])
        #expect(taps[1].start == 1 && taps[1].weights == [599_186, 1_797_559, 1_797_559])
    }

    @Test func greyImagesAreRepeatedOverThreeChannels() throws {
        let pgm = try ImageFile.decodeRGB(Array("P2 2 1 255 0 200".utf8), source: "g.pgm")
        #expect(pgm.bytes == [0, 0, 0, 200, 200, 200])
    }

    @Test func brokenJPEGsAreOneLineErrors() throws {
        let good = try #require(FileManager.default.contents(atPath: PackageDirectory.path("Photos/rocket.jpg")))
        let truncated = Array(good.prefix(good.count / 2))
        for bytes in [truncated, [0xFF, 0xD8, 0xFF, 0x00]] {
            do {
                _ = try ImageFile.decodeRGB(bytes, source: "x.jpg")
                Issue.record("a broken JPEG decoded")
            } catch let e as UserError {
                #expect(e.message.hasPrefix("x.jpg: bad JPEG: ") && !e.message.contains("\n"), "\(e.message)")
            }
        }
    }

    /// Two stray bytes before the scan's marker: libjpeg warns ("2 extraneous bytes
    /// before marker 0xda") and Pillow reads the image anyway; so does the explorer,
    /// and the pixels are the good file's.
    @Test func extraneousBytesAreAWarningNotAnError() throws {
        let good = Array(try #require(FileManager.default.contents(atPath: PackageDirectory.path("Photos/rocket.jpg"))))
        let sos = try #require((0..<good.count - 1).first { good[$0] == 0xFF && good[$0 + 1] == 0xDA })
        let stray = Array(good[..<sos]) + [0x00, 0x00] + Array(good[sos...])
        let image = try ImageFile.decodeRGB(stray, source: "x.jpg")
        #expect(image.bytes == (try ImageFile.decodeRGB(good, source: "rocket.jpg")).bytes)
    }
}
