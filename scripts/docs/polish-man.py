#!/usr/bin/env python3
"""Tidies the man pages argument-parser's generate-manual writes, so that `mandoc -T lint` is silent,
and adds gw's ENVIRONMENT, FILES and EXIT STATUS sections (DESIGN §8).

usage: polish-man.py --sections DIR IN_DIR OUT_DIR

- a blank line in help text becomes a paragraph (.Pp); indented lines (examples) become a literal display;
- a sentence that ends mid-line continues on a new line (mdoc wants one sentence per line);
- `.Pp` right before `.It` (which mandoc skips) is dropped;
- `.Ex -std` becomes the exit-status list; gw.1 also gets ENVIRONMENT and FILES;
- every page but gw.1 names gw(1) under SEE ALSO;
- pages are named as people type them, git-style: gw-runs-approve.1 (`man gw-runs-approve`), not the
  dotted gw.runs.approve.1 generate-manual writes (scripts/install adds the dotted names as links).
"""
import os
import re
import sys

SENTENCE_END = re.compile(r'([.!?])\s+(?=[A-Z`"(])')


def text_line(line):
    """One line of running text: escaped for roff, one sentence per output line."""
    line = line.replace('\\', '\\e')
    out = [part for part in SENTENCE_END.sub(r'\1\n', line).split('\n')]
    return ['\\&' + p if p.startswith(('.', "'")) else p for p in out]


def polish_text(lines):
    """Help text (no macros): paragraphs, literal displays for indented lines, one sentence per line."""
    out, literal, pending_paragraph = [], False, False
    for line in lines:
        if not line.strip():
            if literal:
                out.append('.Ed')
                literal = False
            pending_paragraph = bool(out)
            continue
        if pending_paragraph and not literal:
            out.append('.Pp')
        pending_paragraph = False
        if line.startswith((' ', '\t')):
            if not literal:
                out.append('.Bd -literal -offset indent')
                literal = True
            out.append('\\&' + line.strip().replace('\\', '\\e'))
        else:
            if literal:
                out.append('.Ed')
                literal = False
            out.extend(text_line(line))
    if literal:
        out.append('.Ed')
    return out


def polish(source, sections, is_root):
    lines, out, block = source.split('\n'), [], []
    for line in lines:
        if not line.startswith('.'):
            block.append(line)
            continue
        out.extend(polish_text(block))
        block = []
        if line == '.It' or line.startswith('.It '):
            if out and out[-1] == '.Pp':
                out.pop()
        if line == '.Sh "EXIT STATUS"' and is_root:
            out.extend(sections['environment'] + sections['files'])
        if line == '.Ex -std':
            out.extend(sections['exit-status'])
            continue
        out.append(line)
    out.extend(polish_text(block))
    text = '\n'.join(out).rstrip('\n') + '\n'
    if not is_root and '.Sh "SEE ALSO"' in text:
        text = text.replace('.Sh "SEE ALSO"\n', '.Sh "SEE ALSO"\n.Xr gw 1 ,\n', 1)
    elif not is_root:
        text += '.Sh "SEE ALSO"\n.Xr gw 1\n'
    return hyphenated(text)


DOTTED = re.compile(r'\b(gw|GW)((?:\.[A-Za-z0-9-]+)+)\b')


def hyphenated(text):
    """gw.runs.approve → gw-runs-approve in .Dt and .Xr lines (the page names)."""
    out = []
    for line in text.split('\n'):
        if line.startswith(('.Dt ', '.Xr ')):
            line = DOTTED.sub(lambda m: m.group(1) + m.group(2).replace('.', '-'), line)
        out.append(line)
    return '\n'.join(out)


def page_name(name):
    """gw.runs.approve.1 → gw-runs-approve.1."""
    stem, section = name.rsplit('.', 1)
    return stem.replace('.', '-') + '.' + section


def main():
    args = sys.argv[1:]
    if len(args) != 4 or args[0] != '--sections':
        sys.exit(__doc__)
    section_dir, source_dir, target_dir = args[1:]
    sections = {}
    for name in ('environment', 'files', 'exit-status'):
        with open(os.path.join(section_dir, name + '.mdoc')) as f:
            sections[name] = [l for l in f.read().split('\n') if l and not l.startswith('.\\"')]
    for name in sorted(os.listdir(source_dir)):
        with open(os.path.join(source_dir, name)) as f:
            page = polish(f.read(), sections, name == 'gw.1')
        with open(os.path.join(target_dir, page_name(name)), 'w') as f:
            f.write(page)


if __name__ == '__main__':
    main()
