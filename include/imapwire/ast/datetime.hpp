// imapwire AST: dates and times (RFC 3501 §9 date, date-time, time, zone).
#pragma once

#include <cstdint>

namespace imapwire::ast {

/// RFC 3501 `date` (SEARCH BEFORE/ON/SINCE...): date-text, optionally in DQUOTEs.
struct date {
    std::uint8_t day = 1;      ///< date-day, 1*2DIGIT
    std::uint8_t month = 1;    ///< 1 = Jan ... 12 = Dec
    std::uint16_t year = 1970; ///< date-year, 4DIGIT
    bool leading_zero = false; ///< a day below 10 written "01" rather than "1"
    bool quoted = false;       ///< written in DQUOTEs

    /// Equal dates written the same way (`leading_zero` only counts for days below 10).
    friend bool operator==(const date& a, const date& b) noexcept {
        return a.day == b.day && a.month == b.month && a.year == b.year && a.quoted == b.quoted &&
               (a.day >= 10 || a.leading_zero == b.leading_zero);
    }
};

/// RFC 3501 `date-time` (INTERNALDATE, APPEND): "dd-Mon-yyyy hh:mm:ss +zzzz".
struct date_time {
    std::uint8_t day = 1; ///< date-day-fixed
    std::uint8_t month = 1;
    std::uint16_t year = 1970;
    std::uint8_t hour = 0;
    std::uint8_t minute = 0;
    std::uint8_t second = 0;
    bool zone_negative = false;  ///< zone sign "-"
    std::uint16_t zone_hhmm = 0; ///< the zone's four digits read as a number, e.g. 700 for -0700
    bool leading_zero = false;   ///< a day below 10 written "07" rather than " 7"

    /// Minutes east of UTC (e.g. -420 for "-0700").
    constexpr int zone_minutes() const noexcept {
        const int m = (zone_hhmm / 100) * 60 + zone_hhmm % 100;
        return zone_negative ? -m : m;
    }

    /// Equal instants written the same way (`leading_zero` only counts for days below 10).
    friend bool operator==(const date_time& a, const date_time& b) noexcept {
        return a.day == b.day && a.month == b.month && a.year == b.year && a.hour == b.hour &&
               a.minute == b.minute && a.second == b.second && a.zone_negative == b.zone_negative &&
               a.zone_hhmm == b.zone_hhmm && (a.day >= 10 || a.leading_zero == b.leading_zero);
    }
};

} // namespace imapwire::ast
