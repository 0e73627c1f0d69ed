/// The sizes of one max or average pooling over a batch of NCHW feature maps:
/// square window, square stride, symmetric padding, floor or ceil mode.
public struct PoolGeometry: Hashable, Sendable {
    public let n: Int, c: Int, h: Int, w: Int
    public let window: PoolSpec

    public init(n: Int, c: Int, h: Int, w: Int, window: PoolSpec) {
        self.n = n
        self.c = c
        self.h = h
        self.w = w
        self.window = window
    }

    public var kernel: Int { window.kernel }
    public var stride: Int { window.stride }
    public var pad: Int { window.padding }
    public var oh: Int { window.outputSize(h) }
    public var ow: Int { window.outputSize(w) }
    /// Input planes (one per image and channel); pooling treats each on its own.
    public var planes: Int { n * c }
}
