import Foundation

/// A short reason for an `XMLParser` error, from libxml2's error number (`xmlParserErrors`),
/// which FoundationXML passes on as the error's code. Every number libxml2 reports for a
/// document that is not well-formed has words here; any other still says what it is.
func reason(for error: (any Error)?) -> String {
    guard let error else { return "the parser stopped without saying why" }
    let code = (error as NSError).code
    return XMLParserErrors.reasons[code] ?? "libxml2 refused it (its error \(code))"
}

enum XMLParserErrors {
    /// libxml2's error numbers (`include/libxml/xmlerror.h`) and what each means for a GPX or TCX file.
    static let reasons: [Int: String] = [
        1: "the XML parser failed inside", 2: "the XML parser ran out of memory",
        3: "the document does not start like XML", 4: "the document is empty",
        5: "the document ends too early",
        6: "invalid hexadecimal character reference", 7: "invalid decimal character reference",
        8: "invalid character reference", 9: "invalid character",
        10: "a character reference at the end of the document", 11: "a character reference before the root element",
        12: "a character reference after the root element", 13: "a character reference in the document type",
        14: "an entity reference at the end of the document", 15: "an entity reference before the root element",
        16: "an entity reference after the root element", 17: "an entity reference in the document type",
        18: "a parameter-entity reference at the end of the document", 19: "a parameter-entity reference before the root element",
        20: "a parameter-entity reference after the root element", 21: "a parameter-entity reference in the document type",
        22: "an entity reference without a name", 23: "an entity reference without its ';'",
        24: "a parameter-entity reference without a name", 25: "a parameter-entity reference without its ';'",
        26: "undeclared entity", 27: "undeclared entity", 28: "an unparsed entity is referenced",
        29: "an external entity is referenced", 30: "a parameter entity is referenced",
        31: "unknown encoding", 32: "unsupported encoding",
        33: "a quoted value does not start with a quote", 34: "a quoted value is not closed",
        35: "invalid namespace declaration", 36: "an entity value does not start with a quote",
        37: "an entity value is not closed", 38: "'<' inside an attribute value",
        39: "an attribute value does not start with a quote", 40: "an attribute value is not closed",
        41: "an attribute without a value", 42: "an attribute given twice in one element",
        43: "a literal does not start with a quote", 44: "a literal is not closed",
        45: "a comment is not closed", 46: "a processing instruction does not start properly",
        47: "a processing instruction is not closed", 48: "a notation declaration does not start properly",
        49: "a notation declaration is not closed", 50: "an attribute-list declaration does not start properly",
        51: "an attribute-list declaration is not closed", 52: "a mixed-content declaration does not start properly",
        53: "a mixed-content declaration is not closed", 54: "an element-content declaration does not start properly",
        55: "an element-content declaration is not closed", 56: "the XML declaration does not start properly",
        57: "the XML declaration is not closed", 58: "a conditional section does not start properly",
        59: "a conditional section is not closed", 60: "the external subset is not closed",
        61: "the document type declaration is not closed", 62: "']]>' outside a CDATA section",
        63: "a CDATA section is not closed", 64: "an XML declaration that is not at the start of the document",
        65: "a space is missing", 66: "a separator is missing", 67: "a name token is missing",
        68: "a name is missing", 69: "text is missing", 70: "a URI is missing", 71: "a public identifier is missing",
        72: "'<' expected", 73: "'>' expected", 74: "'</' expected", 75: "'=' expected",
        76: "the closing tag does not match the opening tag", 77: "a tag is not closed",
        78: "the standalone value is neither yes nor no", 79: "the encoding name is invalid",
        80: "'--' inside a comment", 81: "the bytes do not match the declared encoding",
        82: "an external entity in a standalone document", 83: "invalid conditional section",
        84: "an entity value is missing", 85: "the elements are not nested properly",
        86: "extra content after the document", 87: "invalid character in an entity",
        88: "a parameter-entity reference inside the internal subset", 89: "an entity refers to itself",
        90: "an entity crosses a boundary", 91: "invalid URI", 92: "a URI with a fragment",
        94: "no document type declaration", 95: "invalid keyword in a conditional section",
        96: "the XML declaration has no version (it must start <?xml version=\"1.0\")",
        97: "the XML declaration names an unknown version", 98: "invalid xml:lang value",
        99: "invalid namespace URI", 100: "relative namespace URI",
        101: "the XML declaration has no encoding", 102: "invalid xml:space value",
        103: "the document is not standalone", 104: "an entity could not be processed",
        105: "a notation could not be processed", 106: "a namespace prefix with more than one ':'",
        107: "an entity is declared twice", 108: "the XML declaration names an unsupported version",
        109: "the version differs from the document's", 110: "a name is too long",
        111: "the document was stopped",
        201: "a namespace prefix is not declared", 202: "a namespace is declared twice",
    ]
}
