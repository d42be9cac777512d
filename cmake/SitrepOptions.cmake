# One INTERFACE target that every Sitrep target links: the language level, the warning set and
# the Qt hygiene defines live here and nowhere else.
add_library(sitrep_options INTERFACE)
target_compile_features(sitrep_options INTERFACE cxx_std_20)
target_compile_options(sitrep_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
  $<$<BOOL:${SITREP_WERROR}>:-Werror>)
target_compile_definitions(sitrep_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CONTEXTLESS_CONNECT
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_NO_FOREACH
  SITREP_VERSION="${PROJECT_VERSION}")
