//! Finding where something is written in a RON source.
//!
//! Loading a deck uses `ron` + serde, which keeps no positions. When the checker has found a
//! problem, it names the place as a [`Path`] (`scenarios[3].behaviours[1].effects` key 0) and this
//! module finds the bytes of that place with a small, forgiving RON reader. It runs only when there
//! is something to report, so a clean deck loads at the speed of plain `ron`.

use std::ops::Range;

/// One step from a node to one of its children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The value of a struct field.
    Field(&'static str),
    /// The name of a struct field (the identifier before the `:`).
    FieldName(&'static str),
    /// An element of a list (or of a tuple).
    Index(usize),
    /// The key of the n-th entry of a map.
    Key(usize),
    /// The value of the n-th entry of a map.
    Val(usize),
}

pub type Path = Vec<Step>;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Range<usize>,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// `Name(field: value, ...)` or `(field: value, ...)`.
    Struct(Vec<Field>),
    /// `Name(value, ...)`, `(value, ...)` or `Some(value)`.
    Tuple(Vec<Node>),
    /// `[value, ...]`
    Seq(Vec<Node>),
    /// `{key: value, ...}`
    Map(Vec<(Node, Node)>),
    /// A string, number, char, identifier or unit.
    Atom,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    pub name_span: Range<usize>,
    pub value: Node,
}

/// Read a RON document into a tree of spans. Returns `None` when the text is not RON enough to
/// read (the caller then points at the start of the file). Never panics.
pub fn parse(src: &str) -> Option<Node> {
    let mut r = Reader {
        s: src.as_bytes(),
        i: 0,
        depth: 0,
    };
    r.skip_ws();
    r.skip_attributes();
    r.skip_ws();
    r.value()
}

/// The byte range of the place `path` names, or of the deepest ancestor that exists.
pub fn resolve(root: &Node, path: &[Step]) -> Range<usize> {
    let mut node = root;
    for (n, step) in path.iter().enumerate() {
        let last = n + 1 == path.len();
        let next = match (&node.kind, step) {
            (Kind::Struct(fields), Step::Field(name)) => {
                fields.iter().find(|f| f.name == *name).map(|f| &f.value)
            }
            (Kind::Struct(fields), Step::FieldName(name)) => {
                if let Some(f) = fields.iter().find(|f| f.name == *name) {
                    if last {
                        return f.name_span.clone();
                    }
                    Some(&f.value)
                } else {
                    None
                }
            }
            (Kind::Seq(items) | Kind::Tuple(items), Step::Index(i)) => items.get(*i),
            (Kind::Map(entries), Step::Key(i)) => entries.get(*i).map(|(k, _)| k),
            (Kind::Map(entries), Step::Val(i)) => entries.get(*i).map(|(_, v)| v),
            // `Some(x)` around a value: look inside.
            (Kind::Tuple(items), _) if items.len() == 1 => {
                return resolve(&items[0], &path[n..]);
            }
            _ => None,
        };
        match next {
            Some(child) => node = child,
            None => return node.span.clone(),
        }
    }
    node.span.clone()
}

/// The start of the innermost `Name(field: ...)` struct that contains byte `offset`.
pub fn enclosing_struct(root: &Node, offset: usize) -> Option<Range<usize>> {
    let mut best = None;
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        if !(n.span.start <= offset && offset < n.span.end) {
            continue;
        }
        match &n.kind {
            Kind::Struct(fields) => {
                best = Some(n.span.clone());
                stack.extend(fields.iter().map(|f| &f.value));
            }
            Kind::Tuple(items) | Kind::Seq(items) => stack.extend(items.iter()),
            Kind::Map(entries) => stack.extend(entries.iter().flat_map(|(k, v)| [k, v])),
            Kind::Atom => {}
        }
    }
    best
}

/// The last string literal that ends before `offset`, when it is a plain `"..."` string that runs
/// over a line end: the usual sign of a quote that was not closed. Returns its byte range.
pub fn unclosed_string_before(src: &str, offset: usize) -> Option<Range<usize>> {
    let b = src.as_bytes();
    let mut i = 0;
    let mut last: Option<(Range<usize>, bool)> = None; // (range, is plain string spanning lines)
    while i < b.len().min(offset) {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'r' if matches!(b.get(i + 1), Some(b'#' | b'"')) && (i == 0 || !is_word(b[i - 1])) => {
                let start = i;
                i += 1;
                let mut hashes = 0;
                while b.get(i) == Some(&b'#') {
                    hashes += 1;
                    i += 1;
                }
                if b.get(i) != Some(&b'"') {
                    continue;
                }
                i += 1;
                while i < b.len()
                    && !(b[i] == b'"' && (1..=hashes).all(|k| b.get(i + k) == Some(&b'#')))
                {
                    i += 1;
                }
                i = (i + 1 + hashes).min(b.len());
                last = Some((start..i, false));
            }
            b'"' => {
                let start = i;
                i += 1;
                let mut newline = false;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    } else if b[i] == b'\n' {
                        newline = true;
                    }
                    i += 1;
                }
                i = (i + 1).min(b.len());
                last = Some((start..i, newline));
            }
            _ => i += 1,
        }
    }
    match last {
        Some((r, true)) if src[r.end.min(offset)..offset].trim().is_empty() || r.end >= offset => {
            Some(r)
        }
        _ => None,
    }
}

const MAX_DEPTH: usize = 256;

struct Reader<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<u8> {
        self.s.get(self.i + k).copied()
    }

    fn skip_ws(&mut self) {
        loop {
            match self.peek() {
                Some(c) if c.is_ascii_whitespace() => self.i += 1,
                Some(b'/') if self.peek_at(1) == Some(b'/') => {
                    while let Some(c) = self.peek() {
                        if c == b'\n' {
                            break;
                        }
                        self.i += 1;
                    }
                }
                Some(b'/') if self.peek_at(1) == Some(b'*') => {
                    self.i += 2;
                    let mut level = 1usize;
                    while level > 0 {
                        match (self.peek(), self.peek_at(1)) {
                            (None, _) => return,
                            (Some(b'/'), Some(b'*')) => {
                                level += 1;
                                self.i += 2;
                            }
                            (Some(b'*'), Some(b'/')) => {
                                level -= 1;
                                self.i += 2;
                            }
                            _ => self.i += 1,
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// `#![enable(...)]` lines at the top of a file.
    fn skip_attributes(&mut self) {
        while self.peek() == Some(b'#') {
            while let Some(c) = self.peek() {
                self.i += 1;
                if c == b']' {
                    break;
                }
            }
            self.skip_ws();
        }
    }

    fn value(&mut self) -> Option<Node> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let out = self.value_inner();
        self.depth -= 1;
        out
    }

    fn value_inner(&mut self) -> Option<Node> {
        self.skip_ws();
        let start = self.i;
        match self.peek()? {
            b'[' => {
                self.i += 1;
                let items = self.list(b']')?;
                Some(Node {
                    span: start..self.i,
                    kind: Kind::Seq(items),
                })
            }
            b'{' => self.map(start),
            b'(' => self.parens(start),
            b'"' => {
                self.string()?;
                Some(self.atom(start))
            }
            b'\'' => {
                self.char_lit()?;
                Some(self.atom(start))
            }
            b'r' | b'b' if self.raw_or_byte_string_ahead() => {
                if self.peek() == Some(b'b') {
                    self.i += 1;
                }
                if self.peek() == Some(b'r') {
                    self.raw_string()?;
                } else {
                    self.string()?;
                }
                Some(self.atom(start))
            }
            c if is_word(c) => self.word(start),
            _ => None,
        }
    }

    /// An atom from `start` to the current position.
    fn atom(&self, start: usize) -> Node {
        Node {
            span: start..self.i,
            kind: Kind::Atom,
        }
    }

    /// A map `{ key: value, … }` whose `{` is at `start`.
    fn map(&mut self, start: usize) -> Option<Node> {
        self.i += 1;
        let mut entries = Vec::new();
        loop {
            self.skip_ws();
            if self.peek()? == b'}' {
                self.i += 1;
                break;
            }
            let k = self.value()?;
            self.skip_ws();
            if self.peek()? != b':' {
                return None;
            }
            self.i += 1;
            let v = self.value()?;
            entries.push((k, v));
            self.skip_ws();
            match self.peek()? {
                b',' => self.i += 1,
                b'}' => {}
                _ => return None,
            }
        }
        Some(Node {
            span: start..self.i,
            kind: Kind::Map(entries),
        })
    }

    /// A word starting at `start`: a plain atom, or the name of a struct or variant with its
    /// parenthesised fields.
    fn word(&mut self, start: usize) -> Option<Node> {
        while self.peek().is_some_and(is_word) {
            self.i += 1;
        }
        let word_end = self.i;
        let save = self.i;
        self.skip_ws();
        if self.peek() == Some(b'(') {
            let mut node = self.parens(self.i)?;
            node.span.start = start;
            Some(node)
        } else {
            self.i = save;
            Some(Node {
                span: start..word_end,
                kind: Kind::Atom,
            })
        }
    }

    fn raw_or_byte_string_ahead(&self) -> bool {
        let rest = &self.s[self.i..];
        rest.starts_with(b"r\"")
            || rest.starts_with(b"r#")
            || rest.starts_with(b"b\"")
            || rest.starts_with(b"br\"")
            || rest.starts_with(b"br#")
    }

    /// `( ... )` after an optional name: a struct when it opens with `ident:`, else a tuple.
    fn parens(&mut self, start: usize) -> Option<Node> {
        self.i += 1; // (
        self.skip_ws();
        if self.looks_like_field() {
            let mut fields = Vec::new();
            loop {
                self.skip_ws();
                if self.peek()? == b')' {
                    self.i += 1;
                    break;
                }
                let ns = self.i;
                while self.peek().is_some_and(is_word) {
                    self.i += 1;
                }
                let ne = self.i;
                if ns == ne {
                    return None;
                }
                self.skip_ws();
                if self.peek()? != b':' {
                    return None;
                }
                self.i += 1;
                let value = self.value()?;
                let name = String::from_utf8_lossy(&self.s[ns..ne]).into_owned();
                fields.push(Field {
                    name,
                    name_span: ns..ne,
                    value,
                });
                self.skip_ws();
                match self.peek()? {
                    b',' => self.i += 1,
                    b')' => {}
                    _ => return None,
                }
            }
            Some(Node {
                span: start..self.i,
                kind: Kind::Struct(fields),
            })
        } else {
            let items = self.list(b')')?;
            Some(Node {
                span: start..self.i,
                kind: Kind::Tuple(items),
            })
        }
    }

    fn looks_like_field(&mut self) -> bool {
        let save = self.i;
        let mut j = self.i;
        while self.s.get(j).copied().is_some_and(is_word) {
            j += 1;
        }
        if j == save {
            return false;
        }
        self.i = j;
        self.skip_ws();
        let colon = self.peek() == Some(b':');
        self.i = save;
        colon
    }

    fn list(&mut self, close: u8) -> Option<Vec<Node>> {
        let mut items = Vec::new();
        loop {
            self.skip_ws();
            if self.peek()? == close {
                self.i += 1;
                return Some(items);
            }
            items.push(self.value()?);
            self.skip_ws();
            match self.peek()? {
                b',' => self.i += 1,
                c if c == close => {}
                _ => return None,
            }
        }
    }

    fn string(&mut self) -> Option<()> {
        self.i += 1; // opening quote
        loop {
            match self.peek()? {
                b'\\' => self.i += 2,
                b'"' => {
                    self.i += 1;
                    return Some(());
                }
                _ => self.i += 1,
            }
        }
    }

    fn char_lit(&mut self) -> Option<()> {
        self.i += 1;
        loop {
            match self.peek()? {
                b'\\' => self.i += 2,
                b'\'' => {
                    self.i += 1;
                    return Some(());
                }
                _ => self.i += 1,
            }
        }
    }

    fn raw_string(&mut self) -> Option<()> {
        self.i += 1; // r
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.i += 1;
        }
        if self.peek()? != b'"' {
            return None;
        }
        self.i += 1;
        loop {
            if self.peek()? == b'"' && (1..=hashes).all(|k| self.peek_at(k) == Some(b'#')) {
                self.i += 1 + hashes;
                return Some(());
            }
            self.i += 1;
        }
    }
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'+' | b'-') || c >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r##"// comment
Deck(
    id: "x", /* nested /* comment */ */
    values: [Value(id: "a", name: r#"A "quoted""#)],
    scenarios: [(id: "s", behaviours: [Behaviour(key: A, effects: {"a": 2, "b": -4})], follow_up: Some("t"))],
)"##;

    fn text(path: &[Step]) -> &'static str {
        let root = parse(SRC).expect("parses");
        &SRC[resolve(&root, path)]
    }

    #[test]
    fn finds_fields_indices_and_map_entries() {
        use Step::*;
        assert_eq!(text(&[Field("id")]), "\"x\"");
        assert_eq!(
            text(&[Field("values"), Index(0), Field("name")]),
            "r#\"A \"quoted\"\"#"
        );
        let eff = [
            Field("scenarios"),
            Index(0),
            Field("behaviours"),
            Index(0),
            Field("effects"),
        ];
        let mut key1 = eff.to_vec();
        key1.push(Key(1));
        assert_eq!(text(&key1), "\"b\"");
        let mut val1 = eff.to_vec();
        val1.push(Val(1));
        assert_eq!(text(&val1), "-4");
        assert_eq!(
            text(&[Field("scenarios"), Index(0), Field("follow_up")]),
            "Some(\"t\")"
        );
        assert_eq!(
            text(&[Field("scenarios"), Index(0), FieldName("behaviours")]),
            "behaviours"
        );
    }

    #[test]
    fn missing_steps_fall_back_to_the_deepest_node() {
        use Step::*;
        assert!(text(&[Field("scenarios"), Index(7)]).starts_with('['));
    }

    #[test]
    fn garbage_does_not_panic() {
        for src in [
            "",
            "(",
            "Deck(id: \"",
            "r#\"",
            "{\"a\":",
            "/*",
            "#![x",
            "[[[[",
            "Deck(a b)",
        ] {
            let _ = parse(src);
        }
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).is_none());
    }
}
