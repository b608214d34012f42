# Builds and runs one consumer project against an imapwire build tree. Run by ctest:
#
#   cmake -DMODE=find_package|add_subdirectory -DIMAPWIRE_SOURCE_DIR=... -DIMAPWIRE_BINARY_DIR=...
#         -DWORK_DIR=... [-DCONFIG=...] [-DGENERATOR=...] [-DCXX_COMPILER=...] ... -P run.cmake
#
# find_package:     `cmake --install` the build tree into WORK_DIR/prefix, then build the
#                   consumer with CMAKE_PREFIX_PATH=WORK_DIR/prefix.
# add_subdirectory: build the consumer with IMAPWIRE_SOURCE_DIR pointing at the source tree.
cmake_minimum_required(VERSION 3.20)

foreach(var MODE IMAPWIRE_SOURCE_DIR IMAPWIRE_BINARY_DIR WORK_DIR)
    if("${${var}}" STREQUAL "")
        message(FATAL_ERROR "run.cmake: ${var} is not set")
    endif()
endforeach()
if(NOT MODE MATCHES "^(find_package|add_subdirectory)$")
    message(FATAL_ERROR "run.cmake: unknown MODE '${MODE}'")
endif()

function(run what)
    execute_process(COMMAND ${ARGN} COMMAND_ECHO STDOUT RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "consumer ${MODE}: ${what} failed (${rc})")
    endif()
endfunction()

set(source_dir "${CMAKE_CURRENT_LIST_DIR}/${MODE}")
set(build_dir "${WORK_DIR}/build")
set(prefix "${WORK_DIR}/prefix")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

# Configure the consumer the way this build was configured.
set(configure_args -S "${source_dir}" -B "${build_dir}")
if(GENERATOR)
    list(APPEND configure_args -G "${GENERATOR}")
endif()
if(GENERATOR_PLATFORM)
    list(APPEND configure_args -A "${GENERATOR_PLATFORM}")
endif()
if(GENERATOR_TOOLSET)
    list(APPEND configure_args -T "${GENERATOR_TOOLSET}")
endif()
if(MAKE_PROGRAM)
    list(APPEND configure_args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
if(CXX_COMPILER)
    list(APPEND configure_args "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
endif()
if(CONFIG)
    list(APPEND configure_args "-DCMAKE_BUILD_TYPE=${CONFIG}")
endif()
list(APPEND configure_args
    "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${EXE_LINKER_FLAGS}")
if(BOOST_DIR)
    list(APPEND configure_args "-DBoost_DIR=${BOOST_DIR}")
endif()
# The launcher may be a list; the environment variable carries it without quoting trouble.
if(CXX_COMPILER_LAUNCHER)
    string(REPLACE "|" ";" launcher "${CXX_COMPILER_LAUNCHER}")
    set(ENV{CMAKE_CXX_COMPILER_LAUNCHER} "${launcher}")
endif()

set(config_args)
if(CONFIG)
    set(config_args --config "${CONFIG}")
endif()

if(MODE STREQUAL "find_package")
    run("cmake --install" "${CMAKE_COMMAND}" --install "${IMAPWIRE_BINARY_DIR}"
        --prefix "${prefix}" ${config_args})
    foreach(file include/imapwire/imapwire.hpp include/imapwire/src.hpp)
        if(NOT EXISTS "${prefix}/${file}")
            message(FATAL_ERROR "consumer ${MODE}: ${file} was not installed")
        endif()
    endforeach()
    list(APPEND configure_args
        "-DCMAKE_PREFIX_PATH=${prefix}"
        "-DIMAPWIRE_EXPECTED_PREFIX=${prefix}"
        -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
else()
    list(APPEND configure_args "-DIMAPWIRE_SOURCE_DIR=${IMAPWIRE_SOURCE_DIR}")
endif()

run("configure" "${CMAKE_COMMAND}" ${configure_args})
run("build" "${CMAKE_COMMAND}" --build "${build_dir}" ${config_args})

set(ctest_config)
if(CONFIG)
    set(ctest_config -C "${CONFIG}")
endif()
if(NOT CTEST_COMMAND)
    get_filename_component(cmake_bin_dir "${CMAKE_COMMAND}" DIRECTORY)
    set(CTEST_COMMAND "${cmake_bin_dir}/ctest")
endif()
run("run" "${CTEST_COMMAND}" --test-dir "${build_dir}" ${ctest_config}
    --output-on-failure --no-tests=error)
