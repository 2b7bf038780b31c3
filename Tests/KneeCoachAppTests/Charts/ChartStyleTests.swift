import Foundation
import Testing

@testable import KneeCoachApp

struct ChartStyleTests {
    /// WCAG relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        func channel(_ c: Int) -> Double {
            let s = Double(c) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(value >> 16 & 0xFF) + 0.7152 * channel(value >> 8 & 0xFF) + 0.0722 * channel(value & 0xFF)
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// Marks that carry data stand out 3:1 from the page, text 4.5:1, in both schemes.
    @Test(arguments: [("light", ChartStyle.light), ("dark", ChartStyle.dark)])
    func coloursContrastWithTheBackground(scheme: String, colours: [(String, String)]) throws {
        let palette = Dictionary(uniqueKeysWithValues: colours)
        let background = try #require(palette["kc-bg"])
        for mark in ["kc-bar", "kc-load", "kc-warn", "kc-band-edge", "kc-pain", "kc-pain-alt", "kc-shoe", "kc-line", "kc-target", "kc-muted"] {
            let colour = try #require(palette[mark])
            #expect(Self.contrast(colour, background) >= 3, "\(scheme) \(mark) \(colour)")
        }
        for text in ["kc-fg", "kc-muted"] {
            #expect(Self.contrast(try #require(palette[text]), background) >= 4.5, "\(scheme) \(text)")
        }
    }

    @Test func bothSchemesDefineTheSameVariables() {
        #expect(ChartStyle.light.map(\.0) == ChartStyle.dark.map(\.0))
    }

    @Test func everyClassTheChartsUseHasARule() {
        let css = ChartStyle.css
        #expect(css.contains("@media (prefers-color-scheme: dark)"))
        for cls in [
            "kc-bar", "kc-bar-over", "kc-marker", "kc-band", "kc-band-edge", "kc-load", "kc-shoe", "kc-pain", "kc-pain-point",
            "kc-pain-alt", "kc-pain-alt-point", "kc-line", "kc-line-point", "kc-limit", "kc-baseline", "kc-target", "kc-zone",
            "kc-grid", "kc-axis", "kc-tick", "kc-empty", "kc-value-inside", "kc-muted-bar",
        ] {
            #expect(css.contains(".\(cls) {") || css.contains(".\(cls),") || css.contains(".\(cls) ,"), "\(cls)")
        }
    }
}
