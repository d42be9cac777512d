#include "pageflow.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QTextOption>

namespace sitrep {

namespace {

// Qt lays out U+2028 as a forced line break; a typed newline would be drawn as a space.
QString withLineBreaks(QString text)
{
    text.replace(QLatin1String("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    return text;
}

QFont sized(const QFont &base, qreal points, bool bold, QPaintDevice *device)
{
    QFont f(base, device);
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

} // namespace

ReportStyle ReportStyle::forDevice(QPaintDevice *device)
{
    // DejaVu first: it is on every Linux desktop and covers far more than Latin; the PDF embeds
    // whichever face is found, so the file reads the same everywhere.
    QFont base;
    base.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans"), QStringLiteral("Liberation Sans"),
                      QStringLiteral("Arial"), QStringLiteral("Helvetica")});
    // No shaping for scripts that do not need it: ligatures would turn "ff" in an id into one
    // glyph that a PDF reader's search and copy no longer match. Complex scripts still shape.
    base.setStyleHint(QFont::SansSerif, QFont::PreferNoShaping);
    ReportStyle s;
    s.body = sized(base, 9.5, false, device);
    s.small = sized(base, 8, false, device);
    s.bold = sized(base, 9.5, true, device);
    s.smallBold = sized(base, 8, true, device);
    s.title = sized(base, 20, true, device);
    s.h1 = sized(base, 14, true, device);
    s.h2 = sized(base, 11, true, device);
    return s;
}

PageFlow::PageFlow(QPaintDevice *device, const ReportStyle &style, const QRectF &page, const QRectF &body)
    : m_device(device), m_style(style), m_pageRect(page), m_body(body), m_y(body.top())
{
}

PageFlow::~PageFlow() = default;

qreal PageFlow::pt(qreal points) const
{
    return points * m_device->logicalDpiY() / 72.0;
}

qreal PageFlow::remaining() const
{
    return m_body.bottom() - m_y;
}

std::shared_ptr<QTextLayout> PageFlow::layoutText(const QString &text, const QFont &font, qreal width,
                                                  const QList<QTextLayout::FormatRange> &formats) const
{
    auto layout = std::make_shared<QTextLayout>(withLineBreaks(text), font, m_device);
    QTextOption option;
    // Long words (URLs, ids) break anywhere rather than run off the page.
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout->setTextOption(option);
    if (!formats.isEmpty())
        layout->setFormats(formats);
    layout->setCacheEnabled(true);
    layout->beginLayout();
    qreal y = 0;
    for (;;) {
        QTextLine line = layout->createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout->endLayout();
    return layout;
}

qreal PageFlow::layoutHeight(const QTextLayout &layout)
{
    if (layout.lineCount() == 0)
        return 0;
    const QTextLine last = layout.lineAt(layout.lineCount() - 1);
    return last.y() + last.height();
}

void PageFlow::newPage()
{
    if (!m_heading.isEmpty())
        placeHeading(0);
    ++m_page;
    m_y = m_body.top();
}

void PageFlow::keep(qreal height)
{
    if (height > remaining() && m_y > m_body.top())
        newPage();
}

void PageFlow::space(qreal points)
{
    // Space at the top of a page is wasted paper; it is dropped there. Under a waiting heading
    // the heading's own spacing applies.
    if (m_y > m_body.top() && m_heading.isEmpty())
        m_y = std::min(m_y + pt(points), m_body.bottom());
}

void PageFlow::flowLayout(const std::shared_ptr<QTextLayout> &layout, qreal x, const QColor &color)
{
    const int count = layout->lineCount();
    if (!m_heading.isEmpty())
        placeHeading(count ? layout->lineAt(0).height() * std::min(count, 3) : 0);
    int first = 0;
    while (first < count) {
        // Lines [first, last) fit on this page from m_y.
        const qreal top = layout->lineAt(first).y();
        int last = first;
        while (last < count) {
            const QTextLine line = layout->lineAt(last);
            if (m_y + (line.y() + line.height() - top) > m_body.bottom())
                break;
            ++last;
        }
        if (last == first) {
            if (m_y > m_body.top()) {
                newPage();
                continue;
            }
            last = first + 1; // a line taller than a page: it gets a page of its own
        }
        const QPointF origin(m_body.left() + x, m_y - top);
        place([layout, first, last, origin, color](QPainter &p) {
            p.setPen(color);
            for (int i = first; i < last; ++i)
                layout->lineAt(i).draw(&p, origin);
        });
        const QTextLine end = layout->lineAt(last - 1);
        m_y += end.y() + end.height() - top;
        first = last;
        if (first < count)
            newPage();
    }
}

void PageFlow::heading(const QString &text, int level)
{
    const QFont &font = level <= 1 ? m_style.h1 : m_style.h2;
    m_heading.append(PendingHeading{layoutText(text, font, width()), level});
}

qreal PageFlow::headingBlockHeight(const PendingHeading &heading) const
{
    return pt(heading.level <= 1 ? 16 + 6 : 10 + 3) + layoutHeight(*heading.layout);
}

void PageFlow::placeHeading(qreal followingHeight)
{
    // Headings in a row (a section and its first subsection) stay together with the start of
    // what follows them.
    const QList<PendingHeading> headings = m_heading;
    m_heading.clear();
    qreal height = followingHeight;
    for (const PendingHeading &h : headings)
        height += headingBlockHeight(h);
    keep(std::min(height, m_body.height()));
    for (const PendingHeading &h : headings)
        drawHeading(h);
}

void PageFlow::drawHeading(const PendingHeading &heading)
{
    space(heading.level <= 1 ? 16 : 10);
    flowLayout(heading.layout, 0, heading.level <= 1 ? m_style.text : m_style.accent);
    if (heading.level <= 1) {
        const qreal y = m_y + pt(2);
        const qreal left = m_body.left();
        const qreal right = m_body.right();
        const QColor color = m_style.rule;
        const qreal w = pt(0.6);
        place([y, left, right, color, w](QPainter &p) {
            p.setPen(QPen(color, w));
            p.drawLine(QPointF(left, y), QPointF(right, y));
        });
        m_y += pt(6);
    } else {
        m_y += pt(3);
    }
}

void PageFlow::finish()
{
    if (!m_heading.isEmpty())
        placeHeading(0);
}

void PageFlow::paragraph(const QString &text, const QFont &font, const QColor &color, qreal indent,
                         const QList<QTextLayout::FormatRange> &formats)
{
    flowLayout(layoutText(text, font, width() - indent, formats), indent, color);
}

void PageFlow::paragraph(const QString &text)
{
    const QStringList paragraphs = text.trimmed().split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < paragraphs.size(); ++i) {
        if (i > 0)
            space(5);
        paragraph(paragraphs.at(i).trimmed(), m_style.body, m_style.text);
    }
    space(4);
}

void PageFlow::bullets(const QStringList &points, const QFont &font)
{
    const qreal indent = pt(12);
    for (const QString &point : points) {
        const auto layout = layoutText(point, font, width() - indent);
        const qreal firstLine = layout->lineCount() ? layout->lineAt(0).height() : 0;
        if (!m_heading.isEmpty())
            placeHeading(firstLine * 3);
        keep(firstLine);
        // The bullet sits on the first line, wherever that lands.
        const qreal y = m_y;
        const int page = m_page;
        flowLayout(layout, indent, m_style.text);
        const QFont f = font;
        const QPointF at(m_body.left() + pt(3), y + QFontMetricsF(font, m_device).ascent());
        const QColor color = m_style.muted;
        m_placed.append({page, [f, at, color](QPainter &p) {
                             p.setFont(f);
                             p.setPen(color);
                             p.drawText(at, QStringLiteral("•"));
                         }});
        m_y += pt(2);
    }
    space(3);
}

void PageFlow::note(const QString &text)
{
    QFont italic = m_style.body;
    italic.setItalic(true);
    paragraph(text, italic, m_style.muted);
    space(4);
}

void PageFlow::figure(qreal height, std::function<void(QPainter &, const QRectF &)> paint)
{
    if (!m_heading.isEmpty())
        placeHeading(height);
    keep(height);
    const QRectF rect(m_body.left(), m_y, width(), height);
    place([rect, paint = std::move(paint)](QPainter &p) { paint(p, rect); });
    m_y += height;
}

qreal PageFlow::headingHeight(const TableSpec &spec, const QList<qreal> &widths) const
{
    if (!spec.heading)
        return 0;
    const qreal pad = pt(3);
    qreal h = 0;
    for (qsizetype c = 0; c < spec.columns.size(); ++c)
        h = std::max(h, layoutHeight(*layoutText(spec.columns.at(c).heading, m_style.smallBold, widths.at(c) - 2 * pad)));
    return h + 2 * pad;
}

void PageFlow::tableHeading(const TableSpec &spec, const QList<qreal> &widths, qreal height)
{
    if (!spec.heading)
        return;
    const qreal pad = pt(3);
    const QRectF band(m_body.left(), m_y, width(), height);
    const QColor fill = m_style.headerFill;
    place([band, fill](QPainter &p) { p.fillRect(band, fill); });
    qreal x = m_body.left();
    for (qsizetype c = 0; c < spec.columns.size(); ++c) {
        const auto layout = layoutText(spec.columns.at(c).heading, m_style.smallBold, widths.at(c) - 2 * pad);
        const QPointF origin(x + pad, m_y + pad);
        const QColor color = m_style.text;
        place([layout, origin, color](QPainter &p) {
            p.setPen(color);
            layout->draw(&p, origin);
        });
        x += widths.at(c);
    }
    m_y += height;
}

QList<qreal> PageFlow::columnWidths(const TableSpec &spec) const
{
    // Every column at least as wide as its longest word, so that "Mitigate" or "In progress"
    // never breaks mid-word; what is left goes by share.
    const qsizetype n = spec.columns.size();
    const qreal pad = pt(3);
    QList<qreal> minimum(n, 0);
    const QFontMetricsF headFont(m_style.smallBold, m_device);
    const QFontMetricsF bodyFont(m_style.body, m_device);
    const QFontMetricsF boldFont(m_style.bold, m_device);
    const QFontMetricsF smallFont(m_style.small, m_device);
    auto longestWord = [](const QString &text) {
        QStringView best;
        qsizetype start = -1;
        for (qsizetype i = 0; i <= text.size(); ++i) {
            const bool space = i == text.size() || text.at(i).isSpace();
            if (!space && start < 0)
                start = i;
            if (space && start >= 0) {
                if (i - start > best.size())
                    best = QStringView(text).mid(start, i - start);
                start = -1;
            }
        }
        return best.toString();
    };
    for (qsizetype c = 0; c < n; ++c) {
        const TableColumn &column = spec.columns.at(c);
        if (spec.heading)
            minimum[c] = headFont.horizontalAdvance(longestWord(column.heading));
        const QFontMetricsF &cellFont = column.small ? smallFont : bodyFont;
        for (const TableRow &row : spec.rows) {
            if (row.group)
                continue;
            const QFontMetricsF &font = (row.emphasis && c == 0) ? boldFont : cellFont;
            minimum[c] = std::max(minimum[c], font.horizontalAdvance(longestWord(row.cells.value(c))));
        }
        // A long token (a URL) in a wide column breaks anyway; only narrow columns of short
        // words are protected, up to a sixth of the width.
        double shares = 0;
        for (const TableColumn &other : spec.columns)
            shares += other.share;
        const qreal byShare = width() * column.share / shares;
        minimum[c] = std::min(minimum[c] + 2 * pad + pt(1), std::max(byShare, width() / 6));
    }
    qreal needed = 0;
    for (qreal m : std::as_const(minimum))
        needed += m;
    if (needed >= width()) {
        for (qreal &m : minimum)
            m *= width() / needed;
        return minimum;
    }
    QList<qreal> widths(n, 0);
    QList<bool> fixed(n, false);
    for (bool changed = true; changed;) {
        changed = false;
        qreal room = width();
        double shares = 0;
        for (qsizetype c = 0; c < n; ++c) {
            if (fixed.at(c))
                room -= minimum.at(c);
            else
                shares += spec.columns.at(c).share;
        }
        for (qsizetype c = 0; c < n; ++c) {
            if (fixed.at(c)) {
                widths[c] = minimum.at(c);
                continue;
            }
            widths[c] = shares > 0 ? room * spec.columns.at(c).share / shares : 0;
            if (widths.at(c) < minimum.at(c)) {
                fixed[c] = true;
                changed = true;
            }
        }
    }
    return widths;
}

PageFlow::RowLayout PageFlow::layoutRow(const TableSpec &spec, const TableRow &row, const QList<qreal> &widths) const
{
    const qreal pad = pt(3);
    RowLayout out;
    qreal x = m_body.left();
    for (qsizetype c = 0; c < spec.columns.size(); ++c) {
        const qreal w = row.group ? width() : widths.at(c);
        const TableColumn &column = spec.columns.at(c);
        QFont font = row.group ? m_style.bold : (column.small ? m_style.small : m_style.body);
        if (row.emphasis && c == 0)
            font = column.small ? m_style.smallBold : m_style.bold;
        font.setStrikeOut(row.struck && !column.small);
        out.cells << layoutText(row.cells.value(c), font, w - 2 * pad);
        out.x << x + pad;
        out.colors << ((column.small || row.struck) ? m_style.muted : m_style.text);
        x += w;
        if (row.group)
            break;
    }
    for (const auto &cell : std::as_const(out.cells))
        out.height = std::max(out.height, layoutHeight(*cell));
    out.height += 2 * pad;
    return out;
}

void PageFlow::table(const TableSpec &spec)
{
    if (spec.columns.isEmpty())
        return;
    const QList<qreal> widths = columnWidths(spec);
    const qreal pad = pt(3);
    const qreal headHeight = headingHeight(spec, widths);
    const QColor ruleColor = m_style.rule;
    const qreal ruleWidth = pt(0.4);
    const qreal left = m_body.left();
    const qreal right = m_body.right();
    const qreal pageHeight = m_body.height();

    QList<RowLayout> rows;
    rows.reserve(spec.rows.size());
    for (const TableRow &row : spec.rows)
        rows.append(layoutRow(spec, row, widths));
    // The heading band never ends a page: it goes with the first row (and a group row with the
    // row after it).
    qreal opening = headHeight + (rows.isEmpty() ? 0 : rows.first().height);
    if (rows.size() > 1 && spec.rows.first().group)
        opening += rows.at(1).height;
    opening = std::min(opening, pageHeight / 2);
    if (!m_heading.isEmpty())
        placeHeading(opening);
    keep(opening);
    tableHeading(spec, widths, headHeight);

    for (qsizetype r = 0; r < rows.size(); ++r) {
        const RowLayout &row = rows.at(r);
        const TableRow &source = spec.rows.at(r);
        // A row that fits on a page never splits: it moves on, under a repeated heading. A
        // group row takes the next row with it.
        qreal needed = row.height;
        if (source.group && r + 1 < rows.size())
            needed += rows.at(r + 1).height;
        if (std::min(needed, pageHeight - headHeight) > remaining()) {
            newPage();
            tableHeading(spec, widths, headHeight);
        }
        QList<int> next(row.cells.size(), 0);
        for (;;) {
            const qreal sliceTop = m_y;
            const qreal room = m_body.bottom() - sliceTop - 2 * pad;
            qreal used = 0;
            bool more = false;
            QList<std::pair<int, int>> ranges;
            for (qsizetype c = 0; c < row.cells.size(); ++c) {
                const QTextLayout &layout = *row.cells.at(c);
                const int from = next.at(c);
                int to = from;
                const qreal top = from < layout.lineCount() ? layout.lineAt(from).y() : 0;
                while (to < layout.lineCount()) {
                    const QTextLine line = layout.lineAt(to);
                    if (line.y() + line.height() - top > room && to > from)
                        break;
                    ++to;
                }
                if (to > from) {
                    const QTextLine end = layout.lineAt(to - 1);
                    used = std::max(used, end.y() + end.height() - top);
                }
                ranges << std::pair<int, int>(from, to);
                next[c] = to;
                more = more || to < layout.lineCount();
            }
            const qreal sliceHeight = used + 2 * pad;
            if (spec.striped && r % 2 == 1 && !source.group) {
                const QRectF band(left, sliceTop, width(), sliceHeight);
                const QColor fill = m_style.stripe;
                place([band, fill](QPainter &p) { p.fillRect(band, fill); });
            }
            for (qsizetype c = 0; c < row.cells.size(); ++c) {
                const auto [from, to] = ranges.at(c);
                if (from >= to)
                    continue;
                const auto layout = row.cells.at(c);
                const QPointF origin(row.x.at(c), sliceTop + pad - layout->lineAt(from).y());
                const QColor color = row.colors.at(c);
                place([layout, from, to, origin, color](QPainter &p) {
                    p.setPen(color);
                    for (int i = from; i < to; ++i)
                        layout->lineAt(i).draw(&p, origin);
                });
            }
            m_y = sliceTop + sliceHeight;
            const qreal y = m_y;
            place([left, right, y, ruleColor, ruleWidth](QPainter &p) {
                p.setPen(QPen(ruleColor, ruleWidth));
                p.drawLine(QPointF(left, y), QPointF(right, y));
            });
            if (!more)
                break;
            newPage();
            tableHeading(spec, widths, headHeight);
        }
    }
    space(8);
}

void PageFlow::paint(QPainter &painter, const std::function<bool()> &nextPage,
                     const std::function<void(QPainter &, int page, int pageCount)> &decorate) const
{
    const int pages = pageCount();
    // Placed in flow order, which is page order except for marks placed after their text moved on.
    QList<QList<qsizetype>> byPage(pages);
    for (qsizetype i = 0; i < m_placed.size(); ++i)
        byPage[m_placed.at(i).page].append(i);
    for (int page = 0; page < pages; ++page) {
        if (page > 0 && !nextPage())
            return;
        decorate(painter, page, pages);
        for (qsizetype i : std::as_const(byPage.at(page))) {
            painter.save();
            m_placed.at(i).paint(painter);
            painter.restore();
        }
    }
}

} // namespace sitrep
