import Testing

@testable import KneeCoachApp

struct XMLEscapingTests {
    @Test func escapesMarkupCharacters() {
        #expect(XMLEscaping.escaped(#"a & b < c > d "e" 'f'"#) == "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;")
        #expect(XMLEscaping.escaped("</svg><script>alert(1)</script>") == "&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
    }

    @Test func replacesCharactersXMLForbids() {
        #expect(XMLEscaping.escaped("a\u{0}b\u{1B}c\u{FFFE}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(XMLEscaping.escaped("tab\tnew\nline") == "tab\tnew\nline")
    }

    @Test func keepsOtherTextAsItIs() {
        #expect(XMLEscaping.escaped("Pegasus 40 · ÷ 😀 – km") == "Pegasus 40 · ÷ 😀 – km")
        #expect(XMLEscaping.escaped("") == "")
    }

    @Test func shortensByCharacterNotByByte() {
        #expect(XMLEscaping.shortened("Trail shoes", toCharacters: 20) == "Trail shoes")
        #expect(XMLEscaping.shortened("Trail shoes", toCharacters: 6) == "Trail…")
        #expect(XMLEscaping.shortened("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", toCharacters: 2) == "👨‍👩‍👧…")
        #expect(XMLEscaping.shortened("abc", toCharacters: 0) == "")
    }
}
