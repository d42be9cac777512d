#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QTextLayout>
#include <functional>
#include <memory>
#include <optional>

class QPaintDevice;
class QPainter;

namespace sitrep {

// The type and colours of a report.
struct ReportStyle
{
    QFont body;
    QFont small;
    QFont bold;
    QFont smallBold;
    QFont title;
    QFont h1;
    QFont h2;
    QColor text{0x21, 0x21, 0x21};
    QColor muted{0x61, 0x61, 0x61};
    QColor rule{0xbd, 0xbd, 0xbd};
    QColor headerFill{0xee, 0xee, 0xee};
    QColor stripe{0xf7, 0xf7, 0xf7};
    QColor accent{0x15, 0x65, 0xc0};
    QColor alarm{0xc6, 0x28, 0x28};

    // Fonts sized in points for `device`: the same faces on paper and in measurement.
    static ReportStyle forDevice(QPaintDevice *device);
};

// One column of a table: its heading, its share of the width, and its type.
struct TableColumn
{
    QString heading;
    double share = 1.0;
    bool small = false; // times and ids: a size down, muted
};

// One row of a table. A group row spans every column (a day, a checklist's section).
struct TableRow
{
    QStringList cells;
    bool group = false;
    bool struck = false;   // a retracted entry: struck through, muted
    bool emphasis = false; // the first cell bold
};

struct TableSpec
{
    QList<TableColumn> columns;
    QList<TableRow> rows;
    bool striped = false;
    bool heading = true; // false: a list of labels and values, no heading band
};

// Lays a report out on pages and paints it. Text wraps to the width and flows from page to
// page at line boundaries, never clipped; a table row moves whole to the next page (with the
// table's heading repeated) unless it is taller than a page, the one case it is split, by line.
// Everything is laid out first, so the page count is known when the first page is painted and
// every footer can say "page X of Y".
class PageFlow
{
public:
    // `page` is the whole sheet in device pixels; `body` where the flow runs on every page.
    PageFlow(QPaintDevice *device, const ReportStyle &style, const QRectF &page, const QRectF &body);
    ~PageFlow();
    PageFlow(const PageFlow &) = delete;
    PageFlow &operator=(const PageFlow &) = delete;

    const ReportStyle &style() const { return m_style; }
    QPaintDevice *device() const { return m_device; }
    qreal pt(qreal points) const; // points in device pixels
    qreal width() const { return m_body.width(); }
    qreal remaining() const; // room left on the current page

    void heading(const QString &text, int level); // level 1 or 2; kept with what follows
    void paragraph(const QString &text, const QFont &font, const QColor &color, qreal indent = 0,
                   const QList<QTextLayout::FormatRange> &formats = {});
    void paragraph(const QString &text); // body text, blank lines separate paragraphs
    void bullets(const QStringList &points, const QFont &font);
    void note(const QString &text); // muted italic: "Not written yet."
    void table(const TableSpec &spec);
    void figure(qreal height, std::function<void(QPainter &, const QRectF &)> paint);
    void space(qreal points);
    void newPage();
    // Starts a new page unless `height` still fits on this one.
    void keep(qreal height);

    // Places a heading still waiting for what follows it; call once the content is complete.
    void finish();
    int pageCount() const { return m_page + 1; }
    // Paints every page; decorate draws the header and footer of each.
    void paint(QPainter &painter, const std::function<bool()> &nextPage,
               const std::function<void(QPainter &, int page, int pageCount)> &decorate) const;

    // A laid-out block of text `width` wide, lines from y = 0.
    std::shared_ptr<QTextLayout> layoutText(const QString &text, const QFont &font, qreal width,
                                            const QList<QTextLayout::FormatRange> &formats = {}) const;
    static qreal layoutHeight(const QTextLayout &layout);

private:
    struct Placed
    {
        int page = 0;
        std::function<void(QPainter &)> paint;
    };
    void place(std::function<void(QPainter &)> paint) { m_placed.append({m_page, std::move(paint)}); }
    struct RowLayout
    {
        QList<std::shared_ptr<QTextLayout>> cells;
        QList<qreal> x;
        QList<QColor> colors;
        qreal height = 0;
    };
    struct PendingHeading
    {
        std::shared_ptr<QTextLayout> layout;
        int level = 1;
    };
    void flowLayout(const std::shared_ptr<QTextLayout> &layout, qreal x, const QColor &color);
    // A heading is placed together with the start of what follows it, so it never ends a page.
    void placeHeading(qreal followingHeight);
    qreal headingBlockHeight(const PendingHeading &heading) const;
    void drawHeading(const PendingHeading &heading);
    void tableHeading(const TableSpec &spec, const QList<qreal> &widths, qreal height);
    qreal headingHeight(const TableSpec &spec, const QList<qreal> &widths) const;
    QList<qreal> columnWidths(const TableSpec &spec) const;
    RowLayout layoutRow(const TableSpec &spec, const TableRow &row, const QList<qreal> &widths) const;

    QPaintDevice *m_device;
    ReportStyle m_style;
    QRectF m_pageRect;
    QRectF m_body;
    int m_page = 0;
    qreal m_y = 0;
    QList<Placed> m_placed;
    QList<PendingHeading> m_heading; // headings waiting for their content, outermost first
};

} // namespace sitrep
