# Writes OUTPUT, a C++ file holding every SCHEMA_DIR/NNNN_*.sql migration in order.
file(GLOB migrations ${SCHEMA_DIR}/*.sql)
list(SORT migrations)
set(body "")
foreach(migration ${migrations})
  get_filename_component(name ${migration} NAME)
  string(REGEX MATCH "^[0-9]+" number ${name})
  math(EXPR number "${number} + 0")
  file(READ ${migration} sql)
  string(APPEND body "  {${number}, \"${name}\", R\"tw_sql(${sql})tw_sql\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from schema/*.sql by cmake/embed_schema.cmake; do not edit.
#include \"store/migrations.hpp\"

namespace tw::store {

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> k_migrations{
${body}  };
  return k_migrations;
}

} // namespace tw::store
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
