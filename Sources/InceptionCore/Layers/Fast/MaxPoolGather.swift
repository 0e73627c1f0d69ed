// Max pool backward from the winners for the modules' 3x3/1 pad 1 pool, as a
// gather instead of a scatter. Shapes: dout and winners (n, c, h, w), dinp
// (n, c, h, w): at stride 1 with pad 1 the output plane is the input plane.
//
// The scatter (`maxPool2dBackward`) adds each window's gradient at its winner, in
// window order; neighbouring windows often share a winner, so each addition waits
// for the one before it through memory. Here each input position i instead takes,
// from the nine windows that can have chosen it (window i + offset, offsets in
// increasing order), the gradient of each whose winner is i: the same additions
// in the same order, so the same bits, eight positions at a time in registers.

/// The nine windows around position i of a plane w wide, as offsets in window order.
/// A window whose winner is i lies among them (its 3x3 window holds i); the others
/// (wrapped around a row's end, for i in the first or last column) hold no column
/// of i when w >= 3, so their winners never equal i.
private func candidateOffsets(width w: Int) -> [Int] {
    [-w - 1, -w, -w + 1, -1, 0, 1, w - 1, w, w + 1]
}

/// Whether `maxPool2dBackwardGathering` applies: a 3x3/1 pad 1 window on planes at
/// least 3 wide and 4 high.
func gathersMaxPoolGradient(_ g: PoolGeometry) -> Bool {
    g.kernel == 3 && g.stride == 1 && g.pad == 1 && g.w >= 3 && g.h >= 4
}

/// Adds each dout into dinp at its window's winner, as `maxPool2dBackward` does,
/// for geometries where `gathersMaxPoolGradient` holds.
func maxPool2dBackwardGathering(dinp: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>,
                                winners: UnsafePointer<Int32>, _ g: PoolGeometry) {
    let plane = g.h * g.w
    let offsets = candidateOffsets(width: g.w)
    let lanes = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
    // The first and last planes' winners and gradients are copied between frames of
    // w + 1 winners of -1 (no window's) before and w + 8 after, so that eight positions
    // from any i read windows i − w − 1 through i + 7 + w + 1 inside the buffers.
    let (front, size) = (g.w + 1, g.w + 1 + plane + g.w + 8)
    let won = UnsafeMutablePointer<Int32>.allocate(capacity: size)
    let gradients = UnsafeMutablePointer<Float>.allocate(capacity: size)
    won.initialize(repeating: -1, count: size)
    gradients.initialize(repeating: 0, count: size)
    defer {
        won.deallocate()
        gradients.deallocate()
    }
    for p in 0..<g.planes {
        let dplane = dinp + p * plane
        // Around its first and last rows a plane reads windows of the planes before
        // and after it (their last two rows, or first two), whose winners lie in
        // those planes' last three rows or first three: positions at least (h − 3)·w,
        // or below 3w, never a position of this plane's first row (below w) or last
        // row (at least (h − 1)·w) when h >= 4. So a plane reads its neighbours'
        // windows in place, and only the buffer's first and last planes are framed.
        let (w, d): (UnsafePointer<Int32>, UnsafePointer<Float>)
        if p == 0 || p == g.planes - 1 {
            (won + front).update(from: winners + p * plane, count: plane)
            copyFloats(gradients + front, dout + p * plane, plane)
            (w, d) = (UnsafePointer(won + front), UnsafePointer(gradients + front))
        } else {
            (w, d) = (winners + p * plane, dout + p * plane)
        }
        var i = 0
        while i + 8 <= plane {
            var v = SIMD8.load(dplane + i)
            let at = lanes &+ Int32(truncatingIfNeeded: i)
            for offset in offsets {
                let chosen = UnsafeRawPointer(w + i + offset).loadUnaligned(as: SIMD8<Int32>.self)
                v.replace(with: v + SIMD8.load(d + i + offset), where: chosen .== at)
            }
            SIMD8.store(v, dplane + i)
            i += 8
        }
        for i in i..<plane {
            for offset in offsets where Int(w[i + offset]) == i { dplane[i] += d[i + offset] }
        }
    }
}
