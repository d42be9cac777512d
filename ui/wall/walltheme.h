#pragma once

#include <QColor>
#include <QString>

namespace sitrep {

// How text on the wall is coloured. Every widget on the wall takes one of these instead of a
// palette: the wall is read from across a room, so each tone is chosen for contrast against
// its background, not for matching the desktop.
enum class WallTone { Normal, Dim, Accent, Alert, Good };

struct WallTheme
{
    QColor background;
    QColor panel;  // the tiles and columns, one step off the background
    QColor text;
    QColor dim;    // headings and secondary lines: still well above 7:1 against the panel
    QColor accent; // pinned entries, the estimate
    QColor alert;  // red text on the panel (overdue, alerts)
    QColor good;
    QColor alertFill; // a whole tile turned red: overdue, past the deadline
    QColor warnFill;  // amber: due soon, deadline close
    QColor drill;     // "DRILL" written across the screen, faintly
    QColor drillBadge; // the DRILL badge in the banner: white letters on it read on every severity

    QColor tone(WallTone tone) const;

    // Dark by default: a bright screen in a dim room glares and washes out.
    static WallTheme dark();
    static WallTheme light();
};

// The text as the wall lays it out: hyphens do not break ("db-primary-1", "eu-west-1" stay
// whole; a name cut at its hyphen misreads from across the room).
QString wallLayoutText(const QString &text);

// Sizes are designed at 1080 pixels of screen height and scale with it, so a 4K screen
// shows the same wall at twice the pixels.
inline constexpr qreal kWallDesignHeight = 1080.0;
// No text on the wall is smaller than this at 1080p (legible from 5 m).
inline constexpr qreal kWallMinTextPx = 28.0;
// Key numbers (the clocks and countdowns) are at least this share of the screen height.
inline constexpr qreal kWallKeyNumberShare = 0.06;

} // namespace sitrep
