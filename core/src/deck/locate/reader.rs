//! The small, forgiving RON reader behind [`super::parse`]: it keeps the byte range of every value,
//! key and field, and gives up quietly on what it cannot read.

use super::{Field, Kind, Node};

const MAX_DEPTH: usize = 256;

pub(super) struct Reader<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(src: &'a str) -> Reader<'a> {
        Reader {
            s: src.as_bytes(),
            i: 0,
            depth: 0,
        }
    }

    /// The whole document: attributes (`#![enable(…)]`) and white space before its value.
    pub(super) fn document(mut self) -> Option<Node> {
        self.skip_ws();
        self.skip_attributes();
        self.skip_ws();
        self.value()
    }

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

pub(super) fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'+' | b'-') || c >= 0x80
}
