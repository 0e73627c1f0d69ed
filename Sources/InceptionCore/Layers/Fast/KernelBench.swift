import Foundation

/// Times the fast convolution alone, at the shapes of every convolution of a
/// network, so kernel changes can be judged apart from the rest of the engine.
/// Meaningful only in a release build; `bench --kernels` prints `report`.
public enum KernelBench {
    /// One convolution of the network and its median times.
    public struct Measurement: Sendable {
        public var name: String
        public var geometry: ConvGeometry
        /// Whether the backward pass computed the input gradient (not for the stem).
        public var inputGradient: Bool
        public var forwardSeconds: Double
        public var backwardSeconds: Double

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
                let (w, k5, name) = (m.widths, net.branch5x5Kernel, m.name.tensor)
                add(name + ".branch1x1", x.c, x, w.n1x1, 1)
                if w.n3x3 > 0 {
                    add(name + ".branch3x3_reduce", x.c, x, w.n3x3red, 1)
                    add(name + ".branch3x3", w.n3x3red, x, w.n3x3, 3, pad: 1)
                }
                if w.n5x5 > 0 {
                    add(name + ".branch5x5_reduce", x.c, x, w.n5x5red, 1)
                    add(name + ".branch5x5", w.n5x5red, x, w.n5x5, k5, pad: k5 / 2)
                }
                add(name + ".pool_proj", x.c, x, w.poolProj, 1)
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
            return Measurement(name: conv.name, geometry: g, inputGradient: inputGradient,
                               forwardSeconds: forward, backwardSeconds: backward)
        }
    }

    /// A table: each convolution's times and GFLOP/s, then the totals.
    public static func report(_ measurements: [Measurement]) -> String {
        func gflops(_ flops: Double, _ seconds: Double) -> String { String(format: "%6.1f", flops / seconds / 1e9) }
        var lines = ["convolution                        M   K     N/img  fwd ms  GFLOP/s  bwd ms  GFLOP/s"]
        for m in measurements {
            let g = m.geometry
            lines.append(m.name.padding(toLength: 32, withPad: " ", startingAt: 0)
                + String(format: " %3d %4d %6d %7.3f", g.oc, g.patchSize, g.oh * g.ow, m.forwardSeconds * 1e3)
                + "  " + gflops(m.forwardFlops, m.forwardSeconds)
                + String(format: "  %6.3f", m.backwardSeconds * 1e3) + "  " + gflops(m.backwardFlops, m.backwardSeconds))
        }
        let fwd = measurements.reduce(0) { $0 + $1.forwardSeconds }
        let bwd = measurements.reduce(0) { $0 + $1.backwardSeconds }
        lines.append("total".padding(toLength: 50, withPad: " ", startingAt: 0)
            + String(format: " %7.3f", fwd * 1e3) + "  " + gflops(measurements.reduce(0) { $0 + $1.forwardFlops }, fwd)
            + String(format: "  %6.3f", bwd * 1e3) + "  " + gflops(measurements.reduce(0) { $0 + $1.backwardFlops }, bwd))
        return lines.joined(separator: "\n")
    }
}
