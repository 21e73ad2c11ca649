//! The code interpreter's "Python": enough to run the code the scripted model writes.
//!
//! Lines of the form `print(EXPR)` print EXPR, where EXPR is integer/float arithmetic
//! (`+ - * / // % **`, parentheses, unary minus), a string literal, or `len(STRING)`.
//! Other lines are ignored. Results print as Python would (`7`, `2.5`, `2.0`).

/// Finds the first arithmetic expression in free text (`"what is 6*7?"` → `"6*7"`), with
/// `^` read as a power. `None` when the text has no operator between numbers.
pub fn find_expression(text: &str) -> Option<String> {
    let allowed = |c: char| c.is_ascii_digit() || " .+-*/%^()".contains(c);
    let mut best: Option<String> = None;
    let mut current = String::new();
    for c in text.chars().chain(std::iter::once('\u{0}')) {
        if allowed(c) {
            current.push(c);
            continue;
        }
        let candidate = current.trim().trim_end_matches(['.', ' ']).to_owned();
        current.clear();
        let digits = candidate.chars().filter(char::is_ascii_digit).count();
        let ops = candidate.chars().filter(|c| "+-*/%^".contains(*c)).count();
        if digits >= 2 && ops >= 1 && eval(&candidate.replace('^', "**")).is_ok() {
            best = Some(candidate.replace('^', "**"));
            break;
        }
    }
    best
}

/// Runs the supported subset of Python and returns what it prints.
pub fn run(code: &str) -> String {
    let mut out = String::new();
    for line in code.lines() {
        let line = line.trim();
        let Some(inner) = line
            .strip_prefix("print(")
            .and_then(|l| l.strip_suffix(')'))
        else {
            continue;
        };
        let printed = if let Some(s) = string_literal(inner) {
            s
        } else if let Some(s) = inner
            .strip_prefix("len(")
            .and_then(|l| l.strip_suffix(')'))
            .and_then(string_literal)
        {
            s.chars().count().to_string()
        } else {
            match eval(inner) {
                Ok(n) => n.to_python(),
                Err(e) => e,
            }
        };
        out.push_str(&printed);
        out.push('\n');
    }
    out
}

fn string_literal(s: &str) -> Option<String> {
    let s = s.trim();
    if s.starts_with('"') {
        serde_json::from_str::<String>(s).ok()
    } else {
        None
    }
}

/// A Python number: an int or a float.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    /// An int.
    Int(i128),
    /// A float.
    Float(f64),
}

impl Num {
    fn f(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }

    /// How Python's `print` shows it.
    pub fn to_python(self) -> String {
        match self {
            Num::Int(i) => i.to_string(),
            Num::Float(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e16 => {
                format!("{f:.1}")
            }
            Num::Float(f) if f.is_nan() => "nan".into(),
            Num::Float(f) if f.is_infinite() => if f > 0.0 { "inf" } else { "-inf" }.into(),
            Num::Float(f) => f.to_string(),
        }
    }
}

/// Evaluates an arithmetic expression.
pub fn eval(expr: &str) -> Result<Num, String> {
    let tokens = lex(expr)?;
    let mut p = Parser { tokens, pos: 0 };
    let n = p.sum()?;
    if p.pos != p.tokens.len() {
        return Err("SyntaxError: invalid syntax".into());
    }
    Ok(n)
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(Num),
    Op(&'static str),
    Open,
    Close,
}

fn lex(s: &str) -> Result<Vec<Tok>, String> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' => i += 1,
            b'(' => {
                out.push(Tok::Open);
                i += 1
            }
            b')' => {
                out.push(Tok::Close);
                i += 1
            }
            b'0'..=b'9' | b'.' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                    i += 1;
                }
                let text = &s[start..i];
                let n = if text.contains('.') {
                    Num::Float(
                        text.parse()
                            .map_err(|_| "SyntaxError: invalid decimal literal")?,
                    )
                } else {
                    Num::Int(text.parse().map_err(|_| "OverflowError: int too large")?)
                };
                out.push(Tok::Num(n));
            }
            _ => {
                let two = s.get(i..i + 2).unwrap_or("");
                let op = match two {
                    "**" => "**",
                    "//" => "//",
                    _ => match c {
                        b'+' => "+",
                        b'-' => "-",
                        b'*' => "*",
                        b'/' => "/",
                        b'%' => "%",
                        _ => return Err("SyntaxError: invalid syntax".into()),
                    },
                };
                i += op.len();
                out.push(Tok::Op(op));
            }
        }
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<Tok>,
    pos: usize,
}

impl Parser {
    fn peek_op(&self) -> Option<&'static str> {
        match self.tokens.get(self.pos) {
            Some(Tok::Op(op)) => Some(op),
            _ => None,
        }
    }

    fn sum(&mut self) -> Result<Num, String> {
        let mut left = self.product()?;
        while let Some(op @ ("+" | "-")) = self.peek_op() {
            self.pos += 1;
            let right = self.product()?;
            left = arith(op, left, right)?;
        }
        Ok(left)
    }

    fn product(&mut self) -> Result<Num, String> {
        let mut left = self.unary()?;
        while let Some(op @ ("*" | "/" | "//" | "%")) = self.peek_op() {
            self.pos += 1;
            let right = self.unary()?;
            left = arith(op, left, right)?;
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Num, String> {
        match self.peek_op() {
            Some("-") => {
                self.pos += 1;
                let n = self.unary()?;
                Ok(match n {
                    Num::Int(i) => Num::Int(-i),
                    Num::Float(f) => Num::Float(-f),
                })
            }
            Some("+") => {
                self.pos += 1;
                self.unary()
            }
            _ => self.power(),
        }
    }

    fn power(&mut self) -> Result<Num, String> {
        let base = self.atom()?;
        if self.peek_op() == Some("**") {
            self.pos += 1;
            let exp = self.unary()?; // right-associative, binds tighter than unary on the left
            return arith("**", base, exp);
        }
        Ok(base)
    }

    fn atom(&mut self) -> Result<Num, String> {
        match self.tokens.get(self.pos).cloned() {
            Some(Tok::Num(n)) => {
                self.pos += 1;
                Ok(n)
            }
            Some(Tok::Open) => {
                self.pos += 1;
                let n = self.sum()?;
                if self.tokens.get(self.pos) != Some(&Tok::Close) {
                    return Err("SyntaxError: '(' was never closed".into());
                }
                self.pos += 1;
                Ok(n)
            }
            _ => Err("SyntaxError: invalid syntax".into()),
        }
    }
}

fn arith(op: &str, a: Num, b: Num) -> Result<Num, String> {
    let zero = || Err::<Num, String>("ZeroDivisionError: division by zero".into());
    Ok(match (op, a, b) {
        ("+", Num::Int(x), Num::Int(y)) => Num::Int(x.checked_add(y).ok_or("OverflowError")?),
        ("-", Num::Int(x), Num::Int(y)) => Num::Int(x.checked_sub(y).ok_or("OverflowError")?),
        ("*", Num::Int(x), Num::Int(y)) => Num::Int(x.checked_mul(y).ok_or("OverflowError")?),
        ("//", Num::Int(_), Num::Int(0)) | ("%", Num::Int(_), Num::Int(0)) => return zero(),
        ("//", Num::Int(x), Num::Int(y)) => {
            Num::Int(x.div_euclid(y) - i128::from((x.rem_euclid(y) != 0) && (y < 0)))
        }
        ("%", Num::Int(x), Num::Int(y)) => Num::Int(((x % y) + y) % y),
        ("**", Num::Int(x), Num::Int(y)) if (0..=4096).contains(&y) => Num::Int(
            x.checked_pow(y as u32)
                .ok_or("OverflowError: result too large")?,
        ),
        ("/", _, _) if b.f() == 0.0 => return zero(),
        ("//", _, _) | ("%", _, _) if b.f() == 0.0 => return zero(),
        ("+", _, _) => Num::Float(a.f() + b.f()),
        ("-", _, _) => Num::Float(a.f() - b.f()),
        ("*", _, _) => Num::Float(a.f() * b.f()),
        ("/", _, _) => Num::Float(a.f() / b.f()),
        ("//", _, _) => Num::Float((a.f() / b.f()).floor()),
        ("%", _, _) => Num::Float(a.f() - b.f() * (a.f() / b.f()).floor()),
        ("**", _, _) => Num::Float(a.f().powf(b.f())),
        _ => return Err("SyntaxError: invalid syntax".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_like_arithmetic() {
        let p = |e: &str| eval(e).map(Num::to_python).unwrap_or_else(|e| e);
        assert_eq!(p("6 * 7"), "42");
        assert_eq!(p("1 + 2 * 3"), "7");
        assert_eq!(p("(1 + 2) * 3"), "9");
        assert_eq!(p("7 / 2"), "3.5");
        assert_eq!(p("6 / 3"), "2.0");
        assert_eq!(p("7 // 2"), "3");
        assert_eq!(p("-7 // 2"), "-4");
        assert_eq!(p("-7 % 3"), "2");
        assert_eq!(p("2 ** 10"), "1024");
        assert_eq!(p("-2 ** 2"), "-4");
        assert_eq!(p("1 / 0"), "ZeroDivisionError: division by zero");
        assert_eq!(p("0.1 + 0.2"), "0.30000000000000004");
    }

    #[test]
    fn finds_expressions_in_text_and_runs_code() {
        assert_eq!(
            find_expression("What is 6*7? Use code").as_deref(),
            Some("6*7")
        );
        assert_eq!(
            find_expression("calculate 2^10 please").as_deref(),
            Some("2**10")
        );
        assert_eq!(find_expression("no maths in 2024"), None);
        assert_eq!(
            run("x = 1\nprint(6*7)\nprint(len(\"héllo\"))\nprint(\"hi\")"),
            "42\n5\nhi\n"
        );
    }
}
