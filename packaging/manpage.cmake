# Writes a man page from a program's real --help, with each subcommand's
# --help as a section of its own (help2man reads the top level only):
#   cmake -DPROGRAM=... -DHELP2MAN=... -DNAME=... -DOUTPUT=page.1 -P manpage.cmake
execute_process(COMMAND ${PROGRAM} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} --help failed (${rc})")
endif()

# The subcommands: the lines of the "Commands:" block, "  NAME  summary"
# (matched in the text: summaries hold semicolons, CMake's list separator).
set(commands)
string(FIND "${help}" "\nCommands:\n" start)
if(start GREATER_EQUAL 0)
    string(SUBSTRING "${help}" ${start} -1 block)
    string(FIND "${block}" "\n\n" end)
    string(SUBSTRING "${block}" 0 ${end} block)
    string(REGEX MATCHALL "\n  [a-z][a-z0-9-]*  " found "${block}")
    foreach(item IN LISTS found)
        string(STRIP "${item}" item)
        list(APPEND commands ${item})
    endforeach()
endif()

# One section per subcommand, its help as preformatted roff.
set(include "")
foreach(command IN LISTS commands)
    execute_process(COMMAND ${PROGRAM} ${command} --help OUTPUT_VARIABLE text RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${PROGRAM} ${command} --help failed (${rc})")
    endif()
    string(REPLACE "\\" "\\e" text "${text}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
    string(APPEND include "[COMMAND ${command}]\n.nf\n${text}.fi\n\n")
endforeach()
get_filename_component(dir ${OUTPUT} DIRECTORY)
file(MAKE_DIRECTORY ${dir})
file(WRITE ${OUTPUT}.include "${include}")

set(include_args)
if(commands)
    set(include_args --include=${OUTPUT}.include)
endif()
execute_process(COMMAND ${HELP2MAN} --no-info --no-discard-stderr
                        --name=${NAME} ${include_args} --output=${OUTPUT} ${PROGRAM}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "help2man failed for ${PROGRAM} (${rc})")
endif()
