# Proves that the AST's choice types are exhaustive (DESIGN §2): for each of commands, untagged
# response data, FETCH items and response codes, a copy of the headers gets one more alternative
# that nothing handles, and tests/exhaustive/probe.cpp, which includes everything that visits the
# AST, must then fail to compile, naming the new alternative. As a control, the same file must
# compile against the copy before any alternative is added.
#
#   cmake -DCXX=... -DSOURCE_DIR=... -DWORK_DIR=... -DINCLUDES="dir;dir" -P check.cmake
foreach(v CXX SOURCE_DIR WORK_DIR)
    if(NOT DEFINED ${v})
        message(FATAL_ERROR "check.cmake: ${v} is not set")
    endif()
endforeach()

set(flags -std=c++20 -fsyntax-only -DIMAPWIRE_SEPARATE_COMPILATION
    "-I${SOURCE_DIR}/tools" "-I${SOURCE_DIR}/tests")
foreach(dir IN LISTS INCLUDES)
    # the compiler's own system directories must stay where they are in its search order
    if(NOT dir STREQUAL "/usr/include" AND NOT dir STREQUAL "/usr/local/include")
        list(APPEND flags "-isystem${dir}")
    endif()
endforeach()

# compile(NAME INCLUDE_DIR RESULT_VAR OUTPUT_VAR)
function(compile name include_dir result output)
    execute_process(
        COMMAND "${CXX}" ${flags} "-I${include_dir}" "${SOURCE_DIR}/tests/exhaustive/probe.cpp"
        RESULT_VARIABLE r OUTPUT_VARIABLE out ERROR_VARIABLE err)
    set(${result} "${r}" PARENT_SCOPE)
    set(${output} "${out}${err}" PARENT_SCOPE)
endfunction()

# A fresh copy of include/ for one case.
function(copy_headers dest)
    file(REMOVE_RECURSE "${dest}")
    file(COPY "${SOURCE_DIR}/include/imapwire" DESTINATION "${dest}")
endfunction()

# add_alternative(FILE PROBE ANCHOR FIRST): declares struct PROBE before the line `ANCHOR` and
# puts it first in the variant whose first alternative is FIRST.
function(add_alternative file probe anchor first)
    file(READ "${file}" text)
    string(FIND "${text}" "${anchor}" at)
    # the first alternative may be on the next line (clang-format wraps long variants)
    string(REGEX MATCH "std::variant<[ \n]*${first}," opening "${text}")
    if(at EQUAL -1 OR NOT opening)
        message(FATAL_ERROR "check.cmake: ${file} no longer has `${anchor}` / `std::variant<${first},`")
    endif()
    string(REPLACE "${opening}"
        "std::variant<${probe}, ${first}," text "${text}")
    string(REPLACE "${anchor}"
        "struct ${probe} {\n    friend bool operator==(const ${probe}&, const ${probe}&) = default;\n};\n${anchor}"
        text "${text}")
    file(WRITE "${file}" "${text}")
endfunction()

set(control "${WORK_DIR}/control")
copy_headers("${control}")
compile(control "${control}" r out)
if(NOT r EQUAL 0)
    message(FATAL_ERROR "the probe does not compile against the unchanged headers:\n${out}")
endif()
message(STATUS "control: the probe compiles against the unchanged headers")

set(cases
    "command|ast/command.hpp|probe_command|using command_body =|capability_command"
    "response-data|ast/response.hpp|probe_data|using response_data =|resp_cond"
    "msg-att|ast/response.hpp|probe_msg_att|using msg_att_item =|msg_att_flags"
    "resp-text-code|ast/response.hpp|probe_code|using resp_text_code =|code_alert")
set(failed "")
foreach(c IN LISTS cases)
    string(REPLACE "|" ";" parts "${c}")
    list(GET parts 0 name)
    list(GET parts 1 header)
    list(GET parts 2 probe)
    list(GET parts 3 anchor)
    list(GET parts 4 first)
    set(dir "${WORK_DIR}/${name}")
    copy_headers("${dir}")
    add_alternative("${dir}/imapwire/${header}" "${probe}" "${anchor}" "${first}")
    compile(${name} "${dir}" r out)
    if(r EQUAL 0)
        message(SEND_ERROR "${name}: an alternative nobody handles compiled")
        list(APPEND failed ${name})
    elseif(NOT out MATCHES "${probe}")
        message(SEND_ERROR "${name}: the compile failed without naming ${probe}:\n${out}")
        list(APPEND failed ${name})
    else()
        string(REGEX MATCHALL "error:[^\n]*" errors "${out}")
        list(LENGTH errors n)
        message(STATUS "${name}: ${probe} is refused (${n} compiler errors)")
    endif()
endforeach()
if(failed)
    message(FATAL_ERROR "not exhaustive: ${failed}")
endif()
