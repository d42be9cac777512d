#include "walltheme.h"

namespace sitrep {

QColor WallTheme::tone(WallTone t) const
{
    switch (t) {
    case WallTone::Normal: return text;
    case WallTone::Dim: return dim;
    case WallTone::Accent: return accent;
    case WallTone::Alert: return alert;
    case WallTone::Good: return good;
    }
    return text;
}

QString wallLayoutText(const QString &text)
{
    QString t = text;
    t.replace(QLatin1Char('-'), QChar(0x2011)); // NON-BREAKING HYPHEN, drawn the same
    return t;
}

WallTheme WallTheme::dark()
{
    WallTheme t;
    t.background = QColor(0x0b, 0x0e, 0x13);
    t.panel = QColor(0x17, 0x1c, 0x24);
    t.text = QColor(0xf5, 0xf7, 0xfa);
    t.dim = QColor(0xb4, 0xc0, 0xcd);
    t.accent = QColor(0xff, 0xd5, 0x4f);
    t.alert = QColor(0xff, 0x6e, 0x6e);
    t.good = QColor(0x7e, 0xe0, 0x8a);
    t.alertFill = QColor(0xc6, 0x28, 0x28);
    t.warnFill = QColor(0xf9, 0xa8, 0x25);
    t.drill = QColor(0x9c, 0x6a, 0xf0);
    t.drillBadge = QColor(0x4a, 0x14, 0x8c);
    return t;
}

WallTheme WallTheme::light()
{
    WallTheme t;
    t.background = QColor(0xf2, 0xf4, 0xf7);
    t.panel = QColor(0xff, 0xff, 0xff);
    t.text = QColor(0x0d, 0x11, 0x17);
    t.dim = QColor(0x3b, 0x47, 0x55);
    t.accent = QColor(0x8a, 0x4b, 0x00);
    t.alert = QColor(0xb0, 0x1c, 0x1c);
    t.good = QColor(0x1b, 0x5e, 0x20);
    t.alertFill = QColor(0xc6, 0x28, 0x28);
    t.warnFill = QColor(0xf9, 0xa8, 0x25);
    t.drill = QColor(0x6a, 0x1b, 0x9a);
    t.drillBadge = QColor(0x4a, 0x14, 0x8c);
    return t;
}

} // namespace sitrep
