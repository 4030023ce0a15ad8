import type { SchoolOption } from '@/lib/staff/account';

interface SchoolCheckboxesProps {
  /** The schools the signed-in admin may give. */
  schools: readonly SchoolOption[];
  checked: readonly string[];
  /** Unique on the page: each box's id is made of it. */
  idPrefix: string;
}

/** One checkbox per school, named `schools`: the form sends the keys of those ticked. */
export function SchoolCheckboxes({ schools, checked, idPrefix }: SchoolCheckboxesProps) {
  return (
    <div className="flex flex-wrap gap-x-4 gap-y-1">
      {schools.map((school) => (
        <label key={school.key} htmlFor={`${idPrefix}-${school.key}`} className="flex items-center gap-1.5 text-sm">
          <input
            id={`${idPrefix}-${school.key}`}
            type="checkbox"
            name="schools"
            value={school.key}
            defaultChecked={checked.includes(school.key)}
          />
          {school.name}
        </label>
      ))}
    </div>
  );
}
