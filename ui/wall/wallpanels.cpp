#include "wallpanels.h"

#include "fitlabel.h"
#include "walllist.h"

#include "models/severitycolors.h"

#include <QPainter>
#include <QVBoxLayout>

namespace sitrep {

WallPanel::WallPanel(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    setFocusPolicy(Qt::NoFocus);
}

void WallPanel::setFill(const QColor &fill)
{
    if (fill == m_fill)
        return;
    m_fill = fill;
    update();
}

void WallPanel::setRadius(int radius)
{
    m_radius = radius;
    update();
}

void WallPanel::paintEvent(QPaintEvent *)
{
    if (!m_fill.isValid())
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(m_fill);
    p.drawRoundedRect(rect(), m_radius, m_radius);
}

WallTile::WallTile(const QString &objectName, QWidget *parent)
    : WallPanel(parent)
    , m_layout(new QVBoxLayout(this))
    , m_heading(new FitLabel(this))
    , m_value(new FitLabel(this))
    , m_note(new FitLabel(this))
{
    setObjectName(objectName);
    m_heading->setObjectName(objectName + QStringLiteral("Heading"));
    m_value->setObjectName(objectName + QStringLiteral("Value"));
    m_note->setObjectName(objectName + QStringLiteral("Note"));
    m_heading->setBold(true);
    m_value->setBold(true);
    for (FitLabel *l : {m_heading, m_value, m_note})
        l->setAlignment(Qt::AlignHCenter | Qt::AlignVCenter);
    m_layout->setSpacing(0);
    m_layout->addWidget(m_heading, 22);
    m_layout->addWidget(m_value, 56);
    m_layout->addWidget(m_note, 22);
}

void WallTile::applyScale(qreal unit)
{
    const int pad = wallPx(WallSize::PanelPadding, unit);
    m_layout->setContentsMargins(pad, pad / 2, pad, pad / 2);
    setRadius(wallPx(WallSize::Radius, unit));
    m_heading->setPixelRange(wallPx(WallSize::Heading, unit), wallPx(WallSize::Heading, unit));
    m_value->setPixelRange(wallPx(WallSize::KeyMin, unit), wallPx(WallSize::KeyMax, unit));
    m_note->setPixelRange(wallPx(WallSize::Note, unit), wallPx(WallSize::Note, unit));
}

void WallTile::setColors(const WallTheme &theme, const QColor &fill)
{
    const bool coloured = fill.isValid() && fill != theme.panel;
    setFill(coloured ? fill : theme.panel);
    const QColor strong = coloured ? textOn(fill) : theme.text;
    m_heading->setColor(coloured ? strong : theme.dim);
    m_value->setColor(strong);
    m_note->setColor(coloured ? strong : theme.dim);
}

WallColumn::WallColumn(const QString &objectName, QWidget *parent)
    : WallPanel(parent), m_heading(new FitLabel(this)), m_list(new WallList(this))
{
    setObjectName(objectName);
    m_heading->setObjectName(objectName + QStringLiteral("Heading"));
    m_list->setObjectName(objectName + QStringLiteral("List"));
    m_heading->setBold(true);
}

void WallColumn::applyScale(qreal unit)
{
    m_unit = unit;
    setRadius(wallPx(WallSize::Radius, unit));
    const int heading = wallPx(WallSize::Heading, unit);
    m_heading->setPixelRange(heading, heading);
    m_list->setPixelSize(wallPx(WallSize::Body, unit));
    place();
}

void WallColumn::resizeEvent(QResizeEvent *event)
{
    WallPanel::resizeEvent(event);
    place();
}

void WallColumn::place()
{
    const int pad = wallPx(WallSize::PanelPadding, m_unit);
    const int headingHeight = int(wallPx(WallSize::Heading, m_unit) * 1.4);
    const QRect inner = rect().adjusted(pad, pad / 2, -pad, -pad / 2);
    m_heading->setGeometry(inner.left(), inner.top(), inner.width(), headingHeight);
    const int listTop = inner.top() + headingHeight + pad / 2;
    m_list->setGeometry(inner.left(), listTop, inner.width(), std::max(0, inner.bottom() + 1 - listTop));
}

void WallColumn::setTheme(const WallTheme &theme)
{
    setFill(theme.panel);
    m_heading->setColor(theme.dim);
    m_list->setTheme(theme);
}

} // namespace sitrep

namespace sitrep {

WallDrillMark::WallDrillMark(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("wallDrill"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setFocusPolicy(Qt::NoFocus);
}

QString WallDrillMark::text() const
{
    return tr("DRILL");
}

void WallDrillMark::setColor(const QColor &color)
{
    m_color = color;
    update();
}

void WallDrillMark::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    QColor c = m_color;
    c.setAlphaF(0.16);
    QFont f = font();
    f.setBold(true);
    f.setPixelSize(std::max(1, height() * 2 / 5));
    f.setLetterSpacing(QFont::PercentageSpacing, 115);
    p.setFont(f);
    p.setPen(c);
    // Across the diagonal, so it crosses every part of the wall without hiding any one part.
    p.translate(width() / 2.0, height() / 2.0);
    p.rotate(-18);
    const QRectF box(-width(), -height() / 2.0, 2.0 * width(), height());
    p.drawText(box, Qt::AlignCenter, text());
}

} // namespace sitrep
