import CLibXML2Loader
import Foundation

/// An element of an `HTMLTree`; valid only while its tree lives, never shared across tasks.
struct HTMLNode {
    fileprivate let pointer: UnsafeMutableRawPointer
}

/// An HTML document under construction in libxml2, owned by this value and freed with it.
///
/// Every piece of text goes in through libxml2's text nodes and attribute values, which the
/// serializer escapes (`c-libraries.md`, trap 6): nothing here ever parses a string as markup.
/// Element and attribute names are always literals of the report's own code.
struct HTMLTree: ~Copyable {
    private let api: evalcrew_xml_api
    private let doc: UnsafeMutableRawPointer
    /// The `<html>` element.
    let root: HTMLNode

    /// A new `<!DOCTYPE html>` document with an empty `<html lang="en">`.
    init() throws(ReportError) {
        let library: HTMLLibrary
        switch HTMLLibrary.shared {
        case .success(let loaded): library = loaded
        case .failure(let error): throw error
        }
        let api = library.api
        guard let doc = api.html_new_doc_no_dtd!(nil, nil) else { throw .htmlSerialisationFailed }
        _ = api.create_int_subset!(doc, "html", nil, nil)
        guard let html = api.new_doc_node!(doc, nil, "html", nil) else {
            api.free_doc!(doc)
            throw .htmlSerialisationFailed
        }
        _ = api.doc_set_root_element!(doc, html)
        _ = api.new_prop!(html, "lang", "en")
        self.api = api
        self.doc = doc
        root = HTMLNode(pointer: html)
    }

    deinit { api.free_doc!(doc) }

    /// Appends an empty element `name` to `parent`, with the attributes given (values escaped).
    @discardableResult
    func element(_ name: StaticString, in parent: HTMLNode, _ attributes: KeyValuePairs<StaticString, String> = [:]) -> HTMLNode {
        let node = api.new_child!(parent.pointer, nil, cString(name), nil)!
        for (key, value) in attributes { _ = api.new_prop!(node, cString(key), value) }
        return HTMLNode(pointer: node)
    }

    /// Appends `<name>text</name>` to `parent`; the text is escaped by libxml2.
    @discardableResult
    func element(_ name: StaticString, in parent: HTMLNode, text: String,
                 _ attributes: KeyValuePairs<StaticString, String> = [:]) -> HTMLNode {
        let node = api.new_text_child!(parent.pointer, nil, cString(name), text)!
        for (key, value) in attributes { _ = api.new_prop!(node, cString(key), value) }
        return HTMLNode(pointer: node)
    }

    /// Sets an attribute (the value escaped on output).
    func attribute(_ name: StaticString, _ value: String, on node: HTMLNode) {
        _ = api.new_prop!(node.pointer, cString(name), value)
    }

    /// Appends text to `node`'s content (escaped on output).
    func text(_ text: String, in node: HTMLNode) {
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { api.node_add_content_len!(node.pointer, $0.baseAddress, Int32($0.count)) }
        }
    }

    /// Appends UTF-8 bytes as text (escaped on output); the bytes must be whole characters.
    func text(utf8 bytes: UnsafeBufferPointer<UInt8>, in node: HTMLNode) {
        guard !bytes.isEmpty else { return }
        bytes.withMemoryRebound(to: CChar.self) { api.node_add_content_len!(node.pointer, $0.baseAddress, Int32($0.count)) }
    }

    /// A literal's bytes as a C string (string literals are NUL-terminated).
    private func cString(_ literal: StaticString) -> UnsafePointer<CChar> {
        UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    /// The document serialised as UTF-8, with libxml2's own `<meta http-equiv>` charset declaration.
    func serialised() throws(ReportError) -> Data {
        _ = api.html_set_meta_encoding!(doc, "UTF-8")
        var memory: UnsafeMutablePointer<CChar>?
        var size: Int32 = 0
        // No formatting: added line breaks would change the post's text inside `white-space: pre-wrap`.
        api.html_doc_dump_memory_format!(doc, &memory, &size, 0)
        guard let memory, size > 0 else { throw .htmlSerialisationFailed }
        defer { evalcrew_xml_free_memory(api, memory) }
        return Data(bytes: memory, count: Int(size))
    }
}
