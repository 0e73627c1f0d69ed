import Foundation

/// A shape placed in the image: a union of primitives in a local frame that is scaled,
/// rotated and moved to `center`. It is drawn by signed distance: a pixel's coverage
/// is `0.5 - distance` clamped to [0, 1], the area of the pixel inside the shape for a
/// straight edge, which anti-aliases edges without supersampling.
struct Figure {
    /// One piece of a shape, centred on the local origin; lengths in pixels.
    enum Primitive {
        case disc(radius: Float)
        case ring(radius: Float, halfWidth: Float)
        case box(halfWidth: Float, halfHeight: Float)
        /// An equilateral triangle pointing up, centred on its centroid.
        case triangle(halfSide: Float)

        /// Signed distance from (x, y) to the primitive's edge (negative inside).
        func distance(_ x: Float, _ y: Float) -> Float {
            switch self {
            case .disc(let radius):
                return (x * x + y * y).squareRoot() - radius
            case .ring(let radius, let halfWidth):
                return abs((x * x + y * y).squareRoot() - radius) - halfWidth
            case .box(let halfWidth, let halfHeight):
                let dx = abs(x) - halfWidth, dy = abs(y) - halfHeight
                let outside = (max(dx, 0) * max(dx, 0) + max(dy, 0) * max(dy, 0)).squareRoot()
                return outside + min(max(dx, dy), 0)
            case .triangle(let halfSide):
                // Inigo Quilez's exact distance to an equilateral triangle (y up, so flip ours).
                let k = Float(3).squareRoot()
                var px = abs(x) - halfSide
                var py = -y + halfSide / k
                if px + k * py > 0 { (px, py) = ((px - k * py) / 2, (-k * px - py) / 2) }
                px -= min(max(px, -2 * halfSide), 0)
                let length = (px * px + py * py).squareRoot()
                return py < 0 ? length : -length
            }
        }

        /// The radius of a circle around the origin that holds the primitive.
        var extent: Float {
            switch self {
            case .disc(let radius): radius
            case .ring(let radius, let halfWidth): radius + halfWidth
            case .box(let halfWidth, let halfHeight): (halfWidth * halfWidth + halfHeight * halfHeight).squareRoot()
            case .triangle(let halfSide): 2 * halfSide / Float(3).squareRoot()
            }
        }
    }

    var primitives: [Primitive]
    var centerX: Float = 16
    var centerY: Float = 16
    /// Rotation in radians (positive turns clockwise on screen, as y points down).
    var angle: Float = 0
    var scale: Float = 1

    /// The radius of a circle around `center` that holds the whole figure.
    var extent: Float { scale * (primitives.map(\.extent).max() ?? 0) }

    /// Signed distance from pixel coordinates (x, y) to the figure's edge, given
    /// `cos(angle)` and `sin(angle)` (computed once per figure, not per pixel).
    private func distance(_ x: Float, _ y: Float, cos c: Float, sin s: Float) -> Float {
        let dx = x - centerX, dy = y - centerY
        let lx = (c * dx + s * dy) / scale, ly = (-s * dx + c * dy) / scale
        var nearest = Float.infinity
        for primitive in primitives { nearest = min(nearest, primitive.distance(lx, ly)) }
        return scale * nearest
    }

    /// Draws the figure into `canvas` (`side * side` values, row-major) as
    /// `canvas = max(canvas, level * coverage)`, touching only pixels near the figure.
    func draw(into canvas: UnsafeMutablePointer<Float>, side: Int, level: Float = 1) {
        let reach = extent + 1
        let x0 = max(0, Int((centerX - reach).rounded(.down))), x1 = min(side - 1, Int((centerX + reach).rounded(.up)))
        let y0 = max(0, Int((centerY - reach).rounded(.down))), y1 = min(side - 1, Int((centerY + reach).rounded(.up)))
        guard x0 <= x1, y0 <= y1 else { return }
        let c = cosf(angle), s = sinf(angle)
        for y in y0...y1 {
            for x in x0...x1 {
                // Pixel (x, y) covers [x, x+1) x [y, y+1); sample at its centre.
                let coverage = min(max(0.5 - distance(Float(x) + 0.5, Float(y) + 0.5, cos: c, sin: s), 0), 1)
                canvas[y * side + x] = max(canvas[y * side + x], level * coverage)
            }
        }
    }
}
