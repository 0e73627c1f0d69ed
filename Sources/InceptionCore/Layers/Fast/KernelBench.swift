import Foundation

/// Times the fast convolution alone, at the shapes of every convolution of a
/// network, so kernel changes can be judged apart from the rest of the engine.
/// Meaningful only in a release build; `bench --layers` prints it (`StepBreakdown`).
public enum KernelBench {
    /// One convolution of the network and its median times (one thread).
    public struct Measurement: Sendable {
        public var name: String
        public var geometry: ConvGeometry
        /// Whether the backward pass computed the input gradient (not for the stem).
        public var inputGradient: Bool
        public var forwardSeconds: Double
        public var backwardSeconds: Double
        /// The part of `forwardSeconds` spent copying the input for the products: im2col,
        /// or the padded image of windows read in place (0 for a pointwise convolution).
        public var forwardCopySeconds: Double
        /// The part of `backwardSeconds` spent so: im2col and, with the input gradient,
        /// col2im; or the padded images (and the padded dout, with the input gradient).
        public var backwardCopySeconds: Double

        public var forwardFlops: Double { 2 * Double(geometry.multiplies) }
        /// The weight gradient costs one forward pass, the input gradient another.
        public var backwardFlops: Double { forwardFlops * (inputGradient ? 2 : 1) }
    }

    /// Every convolution the network runs on a batch of `batch` images, named as in
    /// the weights file (`inception3a.branch3x3`), auxiliary heads included.
    public static func convolutions(of net: NetworkDescription, batch: Int) -> [(name: String, geometry: ConvGeometry)] {
        var result: [(String, ConvGeometry)] = []
        func add(_ name: String, _ c: Int, _ shape: FeatureShape, _ oc: Int, _ k: Int, stride: Int = 1, pad: Int = 0) {
            guard oc > 0 else { return }
            result.append((name, ConvGeometry(n: batch, c: c, h: shape.h, w: shape.w, oc: oc, kh: k, kw: k,
                                              stride: stride, pad: pad)))
        }
        for shaped in net.shapedLayers() {
            let x = shaped.input
            switch shaped.layer {
            case .conv(let s):
                if let r = s.reduce { add(s.name + "_reduce", x.c, x, r, 1) }
                add(s.name, s.reduce ?? x.c, x, s.outChannels, s.kernel, stride: s.stride, pad: s.padding)
            case .inception(let m):
                let name = m.name.tensor
                add(name + ".branch1x1", x.c, x, m.widths.n1x1, 1)
                for conv in KernelBranch.allCases.flatMap({ CostModel(net).branchConvolutions(m, $0, inChannels: x.c) }) {
                    guard conv.outChannels > 0 else { continue }
                    result.append((name + "." + conv.tensorName,
                                   ConvGeometry(n: batch, c: conv.inChannels, h: x.h, w: x.w, oc: conv.outChannels,
                                                kh: conv.kernelHeight, kw: conv.kernelWidth,
                                                padH: conv.padding.h, padW: conv.padding.w)))
                }
                if !m.naive { add(name + ".pool_proj", x.c, x, m.widths.poolProj, 1) }
            default:
                break
            }
        }
        for aux in net.auxHeads {
            guard let x = net.outputShape(ofModule: aux.after) else { continue }
            let pooled = PoolSpec(name: "", kernel: aux.poolKernel, stride: aux.poolStride)
            add(aux.name + ".conv", x.c, FeatureShape(c: x.c, h: pooled.outputSize(x.h), w: pooled.outputSize(x.w)),
                aux.convOut, 1)
        }
        return result
    }

    /// Median times of `repeats` runs (after one warm-up run) of every convolution.
    /// The first convolution reads the network's input and computes no input gradient.
    public static func run(_ net: NetworkDescription, batch: Int, repeats: Int = 20) -> [Measurement] {
        var rng = SeededGenerator(seed: 1)
        return convolutions(of: net, batch: batch).enumerated().map { index, conv in
            let g = conv.geometry
            func random(_ count: Int) -> [Float] { (0..<count).map { _ in rng.nextUnit() - 0.5 } }
            let x = random(g.n * g.c * g.h * g.w), w = random(g.oc * g.c * g.kh * g.kw), bias = random(g.oc)
            let dout = random(g.n * g.oc * g.oh * g.ow)
            var out = [Float](repeating: 0, count: dout.count), dinp = [Float](repeating: 0, count: x.count)
            var dw = [Float](repeating: 0, count: w.count), db = [Float](repeating: 0, count: g.oc)
            let inputGradient = index > 0
            let forward = Stopwatch.medianSeconds(repeats) {
                conv2dForwardFast(out: &out, inp: x, weight: w, bias: bias, g)
            }
            let backward = Stopwatch.medianSeconds(repeats) {
                dinp.withUnsafeMutableBufferPointer { d in
                    conv2dBackwardFast(dinp: inputGradient ? d.baseAddress : nil, dweight: &dw, dbias: &db, dout: dout,
                                       inp: x, weight: w, g)
                }
            }
            let copies = copySeconds(g, input: x, outputGradient: dout, repeats: repeats)
            return Measurement(name: conv.name, geometry: g, inputGradient: inputGradient,
                               forwardSeconds: forward, backwardSeconds: backward,
                               forwardCopySeconds: copies.forward,
                               backwardCopySeconds: copies.weightGradient + (inputGradient ? copies.inputGradient : 0))
        }
    }

    /// Median times of the copies the fast convolution makes over the whole batch,
    /// image by image as it makes them: for the forward pass, the weight gradient
    /// (the same copy again) and the input gradient. Zero for a pointwise convolution,
    /// which reads its input plane directly.
    static func copySeconds(_ g: ConvGeometry, input: [Float], outputGradient: [Float],
                            repeats: Int) -> (forward: Double, weightGradient: Double, inputGradient: Double) {
        guard !g.isPointwise else { return (0, 0, 0) }
        let (imageSize, doutSize) = (g.c * g.h * g.w, g.oc * g.oh * g.ow)
        let colCount = g.patchSize * g.oh * g.ow
        let workspace = UnsafeMutablePointer<Float>.allocate(capacity: colCount + g.paddedImageSize)
        workspace.initialize(repeating: 0.5, count: colCount + g.paddedImageSize)
        defer { workspace.deallocate() }
        func time(_ body: (Int) -> Void) -> Double {
            Stopwatch.medianSeconds(repeats) { for b in 0..<g.n { body(b) } }
        }
        return input.withUnsafeBufferPointer { x in
            outputGradient.withUnsafeBufferPointer { dout in
                let image = { (b: Int) in x.baseAddress! + b * imageSize }
                let im2colSeconds = { time { im2col(col: workspace, inp: image($0), padded: workspace + colCount, g) } }
                let forward = g.inputWindows.map { windows in
                    windows.withColumns(images: 1) { padded, _ in time { windows.pad(image($0), into: padded) } }
                } ?? im2colSeconds()
                if g.inputWindows != nil, let doutWindows = g.outputGradientWindows {
                    let inputGradient = doutWindows.withColumns(images: 1) { padded, _ in
                        time { doutWindows.pad(dout.baseAddress! + $0 * doutSize, into: padded) }
                    }
                    return (forward, forward, inputGradient)
                }
                var dinp = [Float](repeating: 0, count: imageSize)
                let col2imSeconds = time { _ in col2imAdding(dinp: &dinp, dcol: workspace, padded: workspace + colCount, g) }
                return (forward, im2colSeconds(), col2imSeconds)
            }
        }
    }
}
